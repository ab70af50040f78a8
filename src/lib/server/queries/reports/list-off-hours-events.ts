import { z } from 'zod';
import { query } from '../../clickhouse/query';
import { displayIp } from '../../ingest/ip';
import type { ReportQuery } from '../../reports/report-query';
import { PERIOD, periodParams, tenantSql, type Sql } from './report-sql';
import { fromChTime } from '../../clickhouse/time';
import { securityEventsFrom } from './security-events-source';

const Row = z.object({
	id: z.string(),
	tenant: z.string(),
	occurred_at: z.string(),
	kind: z.string(),
	actor: z.string(),
	actor_name: z.string(),
	action: z.string(),
	ip: z.string(),
	country: z.string(),
	target_type: z.string(),
	target_id: z.string(),
	target_name: z.string()
});

/**
 * Sign-ins and sensitive actions (exports, privilege and configuration changes, deletions) outside
 * the tenant's business hours, newest first; `offHours` comes from offHoursCondition. An event of
 * two kinds is listed once, with both.
 */
export async function listOffHoursEvents(q: ReportQuery, offHours: Sql, limit: number) {
	const t = tenantSql(q);
	const se = securityEventsFrom(q);
	const rows = await query({
		name: 'reports.listOffHoursEvents',
		row: Row,
		params: { ...t.params, ...se.params, ...offHours.params, ...periodParams(q), limit: limit * 2 },
		// Rows, not groups: a top-N by time is far cheaper than grouping every off-hours row by id.
		// An event of two kinds has two rows, merged below; twice the limit leaves room for them.
		sql: `SELECT toString(id) AS id, tenant, toString(occurred_at) AS occurred_at, toString(kind) AS kind, actor, actor_name, action,
				IPv6NumToString(ip) AS ip, toString(country) AS country, toString(target_type) AS target_type, target_id, target_name
			FROM ${se.sql}
			WHERE ${t.sql} AND ${PERIOD} AND ${offHours.sql}
			ORDER BY occurred_at DESC, id DESC LIMIT {limit:UInt32}`
	});
	const byId = new Map<string, (typeof rows)[number] & { kinds: string[] }>();
	for (const r of rows) {
		const seen = byId.get(r.id);
		if (seen) seen.kinds.push(r.kind);
		else byId.set(r.id, { ...r, kinds: [r.kind] });
	}
	return [...byId.values()].slice(0, limit).map((r) => ({ ...r, ip: displayIp(r.ip), country: r.country || null, occurred_at: fromChTime(r.occurred_at), kind: r.kinds.sort() }));
}
