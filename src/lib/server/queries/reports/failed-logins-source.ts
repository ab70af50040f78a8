import { ACCOUNT, FAILED_SIGN_IN } from '../event-kinds';
import type { ReportQuery } from '../../reports/report-query';
import { filtersOf, RAW_EDGES, splitParams, subjectSql, tenantSql, type Sql } from './report-sql';

/**
 * Failed sign-ins that came from an address, as rows (ip, n, accts, first, last, ctry) covering
 * exactly [from, to): whole hours from auth_failures_1h (clickhouse/0006), the partial hours at
 * either end from the raw events. Callers aggregate again. The rollup keeps the address, so an
 * IP or CIDR filter narrows both halves alike; a user or source filter reads the events alone.
 */
export function failedLoginsSource(q: ReportQuery): Sql {
	const t = tenantSql(q);
	const f = subjectSql(q);
	const useRollup = filtersOf(q).every((k) => k === 'ip');
	return {
		params: { ...t.params, ...f.params, ...splitParams(q, 3600e3, useRollup) },
		sql: `SELECT ip, toUInt64(failures) AS n, accounts AS accts, first_seen AS first, last_seen AS last, toString(country) AS ctry
			FROM auth_failures_1h
			WHERE ${t.sql} AND hour >= {wholeFrom:DateTime64(3)} AND hour < {wholeTo:DateTime64(3)} AND ${useRollup ? f.sql : '1'}
			UNION ALL
			SELECT ip, count() AS n, uniqExactState(${ACCOUNT}) AS accts, min(occurred_at) AS first, max(occurred_at) AS last, anyLast(toString(country)) AS ctry
			FROM events
			WHERE ${t.sql} AND ${RAW_EDGES} AND ${FAILED_SIGN_IN} AND ip != toIPv6('::') AND ${f.sql}
			GROUP BY ip`
	};
}
