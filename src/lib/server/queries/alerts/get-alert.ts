import { query } from '../../clickhouse/query';
import type { Alert } from '../../rules/decide';
import type { TenantScope } from '../events/event-where';
import { ALERT_COLUMNS, AlertDbRow, toAlert } from './alert-row';
import { alertTenantSql } from './alert-scope';

/** One alert, only when it belongs to a tenant of the scope. */
export async function getAlert(scope: TenantScope, id: string): Promise<Alert | null> {
	const t = alertTenantSql(scope);
	const rows = await query({
		name: 'alerts.getAlert',
		row: AlertDbRow,
		params: { ...t.params, id },
		sql: `SELECT ${ALERT_COLUMNS} FROM alerts FINAL WHERE ${t.sql} AND id = {id:String} LIMIT 1`
	});
	return rows[0] ? toAlert(rows[0]) : null;
}
