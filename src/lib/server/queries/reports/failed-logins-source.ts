import { ACCOUNT, FAILED_SIGN_IN } from '../event-kinds';
import type { ReportQuery } from '../../reports/report-query';
import { RAW_EDGES, splitParams, tenantSql, type Sql } from './report-sql';

/** An address or CIDR block the report is narrowed to, as its first and last address. */
export interface IpRange {
	first: string;
	last: string;
}

/**
 * Failed sign-ins that came from an address, as rows (ip, n, accts, first, last, ctry) covering
 * exactly [from, to): whole hours from auth_failures_1h (clickhouse/0006), the partial hours at
 * either end from the raw events. Callers aggregate again.
 */
export function failedLoginsSource(q: ReportQuery, ip?: IpRange): Sql {
	const t = tenantSql(q);
	// The rollup keeps the address, so an address or block narrows both halves alike.
	const inRange = ip ? ' AND ip BETWEEN toIPv6({ipFirst:String}) AND toIPv6({ipLast:String})' : '';
	return {
		params: { ...t.params, ...splitParams(q, 3600e3), ...(ip ? { ipFirst: ip.first, ipLast: ip.last } : {}) },
		sql: `SELECT ip, toUInt64(failures) AS n, accounts AS accts, first_seen AS first, last_seen AS last, toString(country) AS ctry
			FROM auth_failures_1h
			WHERE ${t.sql} AND hour >= {wholeFrom:DateTime64(3)} AND hour < {wholeTo:DateTime64(3)}${inRange}
			UNION ALL
			SELECT ip, count() AS n, uniqExactState(${ACCOUNT}) AS accts, min(occurred_at) AS first, max(occurred_at) AS last, anyLast(toString(country)) AS ctry
			FROM events
			WHERE ${t.sql} AND ${RAW_EDGES} AND ${FAILED_SIGN_IN} AND ip != toIPv6('::')${inRange}
			GROUP BY ip`
	};
}
