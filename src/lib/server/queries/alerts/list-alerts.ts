import { z } from 'zod';
import type { AlertStatus, Severity } from '../../../schemas/rule';
import { query } from '../../clickhouse/query';
import { toChTime } from '../../clickhouse/time';
import type { Alert } from '../../rules/decide';
import type { TenantScope } from '../events/event-where';
import { ALERT_COLUMNS, AlertDbRow, toAlert } from './alert-row';
import { alertTenantSql } from './alert-scope';

export interface AlertListFilter {
	tenant?: string;
	status?: AlertStatus[];
	severity?: Severity[];
	ruleId?: string;
	/** Alerts whose last window ends at or after this (every read is bounded in time)... */
	since: Date;
	/** ...and, when set, starts before this. */
	to?: Date;
	/** An IP, account, user (id, email or name) or other group value, or a part of one (any case). */
	group?: string;
	limit: number;
	/** Alerts skipped before the first listed (page-number paging: the alerts table is small). */
	offset?: number;
	/** One row per incident: only the alerts that lead one (the others are counted with them). */
	leadsOnly?: boolean;
}

/** The WHERE clause and parameters of an alert list; its count uses the same. */
export function alertListWhere(scope: TenantScope, f: AlertListFilter): { sql: string; params: Record<string, unknown> } {
	const t = alertTenantSql(scope, f.tenant);
	const where = [t.sql, 'window_end >= {since:DateTime64(3)}'];
	if (f.to) where.push('window_start < {to:DateTime64(3)}');
	if (f.status?.length) where.push('toString(status) IN {status:Array(String)}');
	if (f.severity?.length) where.push('toString(severity) IN {severity:Array(String)}');
	if (f.ruleId) where.push('rule_id = {ruleId:String}');
	if (f.leadsOnly) where.push('incident_id = id');
	// Ids and what people know them by: a user grouped by id is found by their email or name too.
	if (f.group) where.push('arrayExists(v -> positionCaseInsensitiveUTF8(v, {group:String}) > 0, arrayConcat(group_values, group_labels))');
	return {
		sql: where.join(' AND '),
		params: { ...t.params, since: toChTime(f.since), to: f.to ? toChTime(f.to) : '', status: f.status ?? [], severity: f.severity ?? [], ruleId: f.ruleId ?? '', group: f.group ?? '' }
	};
}

/** Alerts newest first (by last hit), filtered; status and severity accept several values. */
export async function listAlerts(scope: TenantScope, f: AlertListFilter): Promise<Alert[]> {
	const w = alertListWhere(scope, f);
	const rows = await query({
		name: 'alerts.listAlerts',
		row: AlertDbRow,
		params: { ...w.params, limit: f.limit, offset: f.offset ?? 0 },
		sql: `SELECT ${ALERT_COLUMNS} FROM alerts FINAL WHERE ${w.sql}
			ORDER BY last_seen DESC, id LIMIT {limit:UInt32} OFFSET {offset:UInt32}`
	});
	return rows.map(toAlert);
}

/** How many other alerts each of these incidents holds. */
export async function countRelatedAlerts(leadIds: readonly string[]): Promise<Map<string, number>> {
	if (leadIds.length === 0) return new Map();
	const rows = await query({
		name: 'alerts.countRelatedAlerts',
		row: z.object({ incident_id: z.string(), n: z.coerce.number() }),
		params: { ids: leadIds },
		sql: `SELECT incident_id, count() AS n FROM alerts FINAL WHERE incident_id IN {ids:Array(String)} AND incident_id != id GROUP BY incident_id`
	});
	return new Map(rows.map((r) => [r.incident_id, r.n]));
}
