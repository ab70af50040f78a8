import { z } from 'zod';
import { query } from '../../clickhouse/query';
import { toChTime } from '../../ingest/prepare';
import { ACCOUNT, FAILED_SIGN_IN } from '../event-kinds';

const Row = z.object({ ip: z.string(), accounts: z.array(z.string()) });

/** For a few source IPs, the accounts their failed sign-ins aimed at, most attempts first (five each). */
export async function listTargetedAccounts(tenant: string, from: Date, to: Date, ips: string[]): Promise<Map<string, string[]>> {
	if (ips.length === 0) return new Map();
	const rows = await query({
		name: 'monthly.listTargetedAccounts',
		row: Row,
		params: { tenant, from: toChTime(from), to: toChTime(to), ips },
		sql: `SELECT ip, arraySlice(arrayMap(x -> x.2, arrayReverseSort(x -> x.1, groupArray((n, account)))), 1, 5) AS accounts
			FROM (
				SELECT IPv6NumToString(ip) AS ip, ${ACCOUNT} AS account, count() AS n
				FROM events
				WHERE tenant = {tenant:String} AND occurred_at >= {from:DateTime64(3)} AND occurred_at < {to:DateTime64(3)}
				  AND ${FAILED_SIGN_IN} AND ip IN (SELECT toIPv6(arrayJoin({ips:Array(String)})))
				GROUP BY ip, account
			)
			GROUP BY ip`
	});
	return new Map(rows.map((r) => [r.ip, r.accounts]));
}
