import type { AlertStatus, Severity } from '../../../schemas/rule';
import { query } from '../../clickhouse/query';
import type { Alert } from '../../rules/decide';
import type { TenantScope } from '../events/event-where';
import { ALERT_COLUMNS, AlertDbRow, toAlert } from './alert-row';
import { alertTenantSql } from './alert-scope';

export interface AlertListFilter {
	tenant?: string;
	status?: AlertStatus[];
	severity?: Severity[];
	ruleId?: string;
	/** Alerts whose last hit is at or after this (every read is bounded in time). */
	since: Date;
	limit: number;
}

/** Alerts newest first (by last hit), filtered; status and severity accept several values. */
export async function listAlerts(scope: TenantScope, f: AlertListFilter): Promise<Alert[]> {
	const t = alertTenantSql(scope, f.tenant);
	const where = [t.sql, 'window_end >= {since:DateTime64(3)}'];
	if (f.status?.length) where.push('toString(status) IN {status:Array(String)}');
	if (f.severity?.length) where.push('toString(severity) IN {severity:Array(String)}');
	if (f.ruleId) where.push('rule_id = {ruleId:String}');
	const rows = await query({
		name: 'alerts.listAlerts',
		row: AlertDbRow,
		params: { ...t.params, since: f.since.toISOString().replace('T', ' ').replace('Z', ''), status: f.status ?? [], severity: f.severity ?? [], ruleId: f.ruleId ?? '', limit: f.limit },
		sql: `SELECT ${ALERT_COLUMNS} FROM alerts FINAL WHERE ${where.join(' AND ')}
			ORDER BY last_seen DESC, id LIMIT {limit:UInt32}`
	});
	return rows.map(toAlert);
}
