import { z } from 'zod';
import { query } from '../../clickhouse/query';
import { displayIp, toStoredIp } from '../../ingest/ip';
import type { ReportQuery } from '../../reports/report-query';
import { PERIOD, periodParams, tenantSql } from './report-sql';
import { fromChTime } from '../../clickhouse/time';
import { securityEventsFrom } from './security-events-source';

const Row = z.object({ ip: z.string(), last: z.string() });

/**
 * The latest successful sign-in (SIGN_IN, from security_events) of the period from each of these
 * addresses; a failing address whose latest sign-in came after its first failure "succeeded after".
 */
export async function listLastSignInsByIp(q: ReportQuery, ips: string[]): Promise<Map<string, Date>> {
	const stored = ips.map(toStoredIp).filter((x): x is string => !!x);
	if (stored.length === 0) return new Map();
	const t = tenantSql(q);
	const se = securityEventsFrom(q);
	const rows = await query({
		name: 'reports.listLastSignInsByIp',
		row: Row,
		params: { ...t.params, ...se.params, ...periodParams(q), ips: stored },
		sql: `SELECT IPv6NumToString(ip) AS ip, toString(max(occurred_at)) AS last
			FROM ${se.sql}
			WHERE ${t.sql} AND kind = 'sign_in' AND ${PERIOD} AND ip IN (SELECT toIPv6(arrayJoin({ips:Array(String)})))
			GROUP BY ip`
	});
	return new Map(rows.map((r) => [displayIp(r.ip), fromChTime(r.last)]));
}
