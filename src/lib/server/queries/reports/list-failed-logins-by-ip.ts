import { z } from 'zod';
import { query } from '../../clickhouse/query';
import { displayIp } from '../../ingest/ip';
import { toChTime } from '../../ingest/prepare';
import type { TenantScope } from '../events/event-where';
import { splitForRollup } from '../rollup-split';

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

const ACCOUNT = `if(actor_email != '', lower(actor_email), actor_id)`;

/**
 * Failed sign-ins (authentication events that failed) per source IP, most failures first.
 * Whole hours come from the auth_failures_1h rollup, the partial hours at either end from the raw table.
 */
export async function listFailedLoginsByIp(p: ReportPeriod) {
	const t = tenantSql(p);
	const { whole } = splitForRollup(p.from, p.to, 3600e3);
	const rows = await query({
		name: 'reports.listFailedLoginsByIp',
		row: Row,
		params: { ...t.params, from: toChTime(p.from), to: toChTime(p.to), wholeFrom: toChTime(whole.from), wholeTo: toChTime(whole.to), limit: p.limit },
		sql: `SELECT IPv6NumToString(ip) AS ip, sum(n) AS failures, uniqExactMerge(accts) AS accounts,
				toString(min(first)) AS first_seen, toString(max(last)) AS last_seen, anyLast(ctry) AS country
			FROM (
				SELECT ip, toUInt64(failures) AS n, accounts AS accts, first_seen AS first, last_seen AS last, toString(country) AS ctry
				FROM auth_failures_1h
				WHERE ${t.sql} AND hour >= {wholeFrom:DateTime64(3)} AND hour < {wholeTo:DateTime64(3)}
				UNION ALL
				SELECT ip, count() AS n, uniqExactState(${ACCOUNT}) AS accts, min(occurred_at) AS first, max(occurred_at) AS last, anyLast(toString(country)) AS ctry
				FROM events
				WHERE ${t.sql}
				  AND ((occurred_at >= {from:DateTime64(3)} AND occurred_at < {wholeFrom:DateTime64(3)})
				    OR (occurred_at >= {wholeTo:DateTime64(3)} AND occurred_at < {to:DateTime64(3)}))
				  AND category = 'authentication' AND outcome = 'failure' AND ip != toIPv6('::')
				GROUP BY ip
			)
			GROUP BY ip ORDER BY failures DESC, ip LIMIT {limit:UInt32}`
	});
	return rows.map((r) => ({ ...r, ip: displayIp(r.ip), first_seen: iso(r.first_seen), last_seen: iso(r.last_seen), country: r.country || null }));
}
