import { query } from '../../clickhouse/query';
import type { Alert } from '../../rules/decide';
import { ALERT_COLUMNS, AlertDbRow, toAlert } from './alert-row';

/** A rule's alerts of one tenant that new hits could still extend: not resolved, recent enough. */
export async function listLiveAlerts(ruleId: string, tenant: string, since: Date): Promise<Alert[]> {
	const rows = await query({
		name: 'alerts.listLiveAlerts',
		row: AlertDbRow,
		params: { ruleId, tenant, since: since.toISOString().replace('T', ' ').replace('Z', '') },
		sql: `SELECT ${ALERT_COLUMNS} FROM alerts FINAL
			WHERE tenant = {tenant:String} AND rule_id = {ruleId:String} AND status != 'resolved' AND window_end >= {since:DateTime64(3)}`
	});
	return rows.map(toAlert);
}
