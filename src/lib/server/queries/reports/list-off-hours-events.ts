import { z } from 'zod';
import { query } from '../../clickhouse/query';
import { displayIp } from '../../ingest/ip';
import type { ReportQuery } from '../../reports/report-query';
import { fromChTime, PERIOD, periodParams, tenantSql, type Sql } from './report-sql';

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
 * two kinds is listed once.
 */
export async function listOffHoursEvents(q: ReportQuery, offHours: Sql, limit: number) {
	const t = tenantSql(q);
	const rows = await query({
		name: 'reports.listOffHoursEvents',
		row: Row,
		params: { ...t.params, ...offHours.params, ...periodParams(q), limit },
		sql: `SELECT toString(id) AS id, any(tenant) AS tenant, toString(any(occurred_at)) AS occurred_at, arrayStringConcat(groupArray(toString(kind)), ',') AS kind,
				any(actor) AS actor, any(actor_name) AS actor_name, any(action) AS action, IPv6NumToString(any(ip)) AS ip, toString(any(country)) AS country,
				toString(any(target_type)) AS target_type, any(target_id) AS target_id, any(target_name) AS target_name
			FROM security_events
			WHERE ${t.sql} AND ${PERIOD} AND ${offHours.sql}
			GROUP BY id ORDER BY max(occurred_at) DESC, id DESC LIMIT {limit:UInt32}`
	});
	return rows.map((r) => ({ ...r, ip: displayIp(r.ip), country: r.country || null, occurred_at: fromChTime(r.occurred_at), kind: r.kind.split(',').sort() }));
}
