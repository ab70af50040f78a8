import { z } from 'zod';
import { query } from '../../clickhouse/query';
import { displayIp } from '../../ingest/ip';
import { ACCOUNT, FAILED_SIGN_IN, SIGN_IN } from '../event-kinds';
import { MONTH_WHERE, monthParams, type MonthScope } from './month-where';

const Row = z.object({ ip: z.string().transform(displayIp), accounts: z.array(z.string()), successAfter: z.coerce.number() });

/**
 * For a few source IPs: the accounts their failed sign-ins aimed at (most attempts first, five
 * each), and whether a sign-in from there succeeded after the first failure.
 */
export async function listTargetedAccounts(s: MonthScope, ips: string[]): Promise<Map<string, { accounts: string[]; successAfter: boolean }>> {
	if (ips.length === 0) return new Map();
	const rows = await query({
		name: 'monthly.listTargetedAccounts',
		row: Row,
		params: { ...monthParams(s), ips },
		sql: `SELECT ip, arraySlice(arrayMap(x -> x.2, arrayReverseSort(x -> x.1, groupArrayIf((n, account), n > 0))), 1, 5) AS accounts,
				ifNull(max(lastSuccess) > min(firstFailure), 0) AS "successAfter"
			FROM (
				SELECT IPv6NumToString(ip) AS ip, ${ACCOUNT} AS account, countIf(${FAILED_SIGN_IN}) AS n,
					minIfOrNull(occurred_at, ${FAILED_SIGN_IN}) AS firstFailure, maxIfOrNull(occurred_at, ${SIGN_IN}) AS lastSuccess
				FROM events
				WHERE ${MONTH_WHERE} AND (${FAILED_SIGN_IN} OR ${SIGN_IN}) AND ip IN (SELECT toIPv6(arrayJoin({ips:Array(String)})))
				GROUP BY ip, account
			)
			GROUP BY ip`
	});
	return new Map(rows.map((r) => [r.ip, { accounts: r.accounts, successAfter: r.successAfter === 1 }]));
}
