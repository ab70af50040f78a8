import { z } from 'zod';
import { query } from '../../clickhouse/query';
import { displayIp } from '../../ingest/ip';
import type { ReportQuery } from '../../reports/report-query';
import { PERIOD, periodParams, ReportEventRow, tenantSql } from './report-sql';
import { fromChTime } from '../../clickhouse/time';
import { securityEventsFrom } from './security-events-source';

const Row = ReportEventRow.extend({
	ip: z.string(),
	changed_fields: z.array(z.string()),
	changes: z.string(),
	elevation: z.coerce.number()
});

export type ChangeKind = 'privilege_change' | 'config_change';

/** Privilege or configuration changes of the period (PRIVILEGE_CHANGE, CONFIG_CHANGE), newest first. */
export async function listChangeEvents(q: ReportQuery, kind: ChangeKind, limit: number) {
	const t = tenantSql(q);
	const se = securityEventsFrom(q);
	const rows = await query({
		name: 'reports.listChangeEvents',
		row: Row,
		params: { ...t.params, ...se.params, ...periodParams(q), kind, limit },
		sql: `SELECT toString(id) AS id, toString(occurred_at) AS occurred_at, actor, actor_name, action, IPv6NumToString(ip) AS ip,
				target_type, target_id, target_name, changed_fields, changes, elevation
			FROM ${se.sql}
			WHERE ${t.sql} AND kind = {kind:String} AND ${PERIOD}
			ORDER BY occurred_at DESC, id DESC LIMIT {limit:UInt32}`
	});
	return rows.map((r) => ({ ...r, ip: displayIp(r.ip), occurred_at: fromChTime(r.occurred_at), elevation: r.elevation === 1 }));
}
