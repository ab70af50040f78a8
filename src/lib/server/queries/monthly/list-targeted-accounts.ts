import { z } from 'zod';
import { query } from '../../clickhouse/query';
import { displayIp } from '../../ingest/ip';
import { ACCOUNT, FAILED_SIGN_IN } from '../event-kinds';
import { MONTH_WHERE, monthParams, type MonthScope } from './month-where';

const Row = z.object({ ip: z.string().transform(displayIp), accounts: z.array(z.string()) });

/** For a few source IPs, the accounts their failed sign-ins aimed at, most attempts first (five each). */
export async function listTargetedAccounts(s: MonthScope, ips: string[]): Promise<Map<string, string[]>> {
	if (ips.length === 0) return new Map();
	const rows = await query({
		name: 'monthly.listTargetedAccounts',
		row: Row,
		params: { ...monthParams(s), ips },
		sql: `SELECT ip, arraySlice(arrayMap(x -> x.2, arrayReverseSort(x -> x.1, groupArray((n, account)))), 1, 5) AS accounts
			FROM (
				SELECT IPv6NumToString(ip) AS ip, ${ACCOUNT} AS account, count() AS n
				FROM events
				WHERE ${MONTH_WHERE} AND ${FAILED_SIGN_IN} AND ip IN (SELECT toIPv6(arrayJoin({ips:Array(String)})))
				GROUP BY ip, account
			)
			GROUP BY ip`
	});
	return new Map(rows.map((r) => [r.ip, r.accounts]));
}
