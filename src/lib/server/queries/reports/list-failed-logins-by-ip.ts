import { z } from 'zod';
import { query } from '../../clickhouse/query';
import { displayIp } from '../../ingest/ip';
import type { ReportQuery } from '../../reports/report-query';
import { failedLoginsSource } from './failed-logins-source';
import { fromChTime } from '../../clickhouse/time';

const Row = z.object({
	ip: z.string(),
	failures: z.coerce.number(),
	accounts: z.coerce.number(),
	first_seen: z.string(),
	last_seen: z.string(),
	country: z.string()
});

export interface FailedLoginsByIp {
	ip: string;
	failures: number;
	accounts: number;
	first_seen: Date;
	last_seen: Date;
	country: string | null;
}

/** Failed sign-ins (FAILED_SIGN_IN) per source address, most failures first. */
export async function listFailedLoginsByIp(q: ReportQuery, limit: number): Promise<FailedLoginsByIp[]> {
	const src = failedLoginsSource(q);
	const rows = await query({
		name: 'reports.listFailedLoginsByIp',
		row: Row,
		params: { ...src.params, limit },
		sql: `SELECT IPv6NumToString(ip) AS ip, sum(n) AS failures, uniqExactMerge(accts) AS accounts,
				toString(min(first)) AS first_seen, toString(max(last)) AS last_seen, anyLast(ctry) AS country
			FROM (${src.sql})
			GROUP BY ip ORDER BY failures DESC, ip LIMIT {limit:UInt32}`
	});
	return rows.map((r) => ({ ...r, ip: displayIp(r.ip), first_seen: fromChTime(r.first_seen), last_seen: fromChTime(r.last_seen), country: r.country || null }));
}
