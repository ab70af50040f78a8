import { z } from 'zod';
import { query } from '../../clickhouse/query';
import type { ReportQuery } from '../../reports/report-query';
import { failedLoginsSource } from './failed-logins-source';

const Row = z.object({ country: z.string(), failures: z.coerce.number(), ips: z.coerce.number(), accounts: z.coerce.number() });

/** Failed sign-ins from an address per country of that address ('' where the geo database knows none). */
export async function listFailedLoginsByCountry(q: ReportQuery, limit: number) {
	const src = failedLoginsSource(q);
	const rows = await query({
		name: 'reports.listFailedLoginsByCountry',
		row: Row,
		params: { ...src.params, limit },
		sql: `SELECT ctry AS country, sum(n) AS failures, uniqExact(ip) AS ips, uniqExactMerge(accts) AS accounts
			FROM (${src.sql})
			GROUP BY country ORDER BY failures DESC, country LIMIT {limit:UInt32}`
	});
	return rows.map((r) => ({ ...r, country: r.country || null }));
}
