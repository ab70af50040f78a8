import { z } from 'zod';
import { query } from '../../clickhouse/query';
import { ACCOUNT } from '../event-kinds';
import type { ReportQuery } from '../../reports/report-query';
import { RAW_EDGES, splitParams, tenantSql } from './report-sql';

const Row = z.object({ n: z.coerce.number() });

/**
 * Distinct accounts (email, else actor id) with at least one successful event in [from, to), so a
 * password-spraying run over a thousand guessed names adds none: whole hours from the
 * active_accounts_1h sets (clickhouse/0014), the partial hours at either end from the raw events.
 */
export async function countActiveUsers(q: ReportQuery): Promise<number> {
	const t = tenantSql(q);
	const [row] = await query({
		name: 'reports.countActiveUsers',
		row: Row,
		params: { ...t.params, ...splitParams(q, 3600e3) },
		sql: `SELECT uniqExactMerge(s) AS n FROM (
				SELECT accounts AS s FROM active_accounts_1h
				WHERE ${t.sql} AND hour >= {wholeFrom:DateTime64(3)} AND hour < {wholeTo:DateTime64(3)}
				UNION ALL
				SELECT uniqExactState(${ACCOUNT}) AS s FROM events
				WHERE ${t.sql} AND ${RAW_EDGES} AND outcome = 'success' AND ${ACCOUNT} != ''
			)`
	});
	return row.n;
}
