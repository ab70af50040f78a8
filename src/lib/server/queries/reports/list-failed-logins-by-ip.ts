import { z } from 'zod';
import { query } from '../../clickhouse/query';
import { displayIp } from '../../ingest/ip';
import { toChTime } from '../../ingest/prepare';
import type { TenantScope } from '../events/event-where';

export interface ReportPeriod {
	scope: TenantScope;
	tenant?: string;
	from: Date;
	to: Date;
	limit: number;
}

const Row = z.object({
	ip: z.string(),
	failures: z.coerce.number(),
	accounts: z.coerce.number(),
	first_seen: z.string(),
	last_seen: z.string(),
	country: z.string()
});

const iso = (t: string) => `${t.replace(' ', 'T')}Z`;

export function tenantSql(p: ReportPeriod): { sql: string; params: Record<string, unknown> } {
	if (p.tenant) return { sql: 'tenant = {tenant:String}', params: { tenant: p.tenant } };
	if (p.scope === '*') return { sql: '1', params: {} };
	return { sql: 'tenant IN {tenants:Array(String)}', params: { tenants: p.scope } };
}

/** Failed sign-ins (authentication events that failed) per source IP, most failures first. */
export async function listFailedLoginsByIp(p: ReportPeriod) {
	const t = tenantSql(p);
	const rows = await query({
		name: 'reports.listFailedLoginsByIp',
		row: Row,
		params: { ...t.params, from: toChTime(p.from), to: toChTime(p.to), limit: p.limit },
		sql: `SELECT IPv6NumToString(ip) AS ip, count() AS failures,
				uniqExact(if(actor_email != '', lower(actor_email), actor_id)) AS accounts,
				toString(min(occurred_at)) AS first_seen, toString(max(occurred_at)) AS last_seen, any(country) AS country
			FROM events
			WHERE ${t.sql} AND occurred_at >= {from:DateTime64(3)} AND occurred_at < {to:DateTime64(3)}
			  AND category = 'authentication' AND outcome = 'failure' AND ip != toIPv6('::')
			GROUP BY ip ORDER BY failures DESC, ip LIMIT {limit:UInt32}`
	});
	return rows.map((r) => ({ ...r, ip: displayIp(r.ip), first_seen: iso(r.first_seen), last_seen: iso(r.last_seen), country: r.country || null }));
}
