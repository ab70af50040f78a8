import { z } from 'zod';
import { query } from '../../clickhouse/query';
import { toChTime } from '../../clickhouse/time';
import { toStoredIp } from '../../ingest/ip';

const Row = z.object({ account: z.array(z.string()), ip: z.array(z.string()) });

/**
 * The times of the failed sign-ins since `from` in one tenant and source, newest first: those for
 * an account (by email) and those from an address.
 */
export async function listFailedSignInTimes(p: { tenant: string; source: string; from: Date; email: string; ip: string }): Promise<z.infer<typeof Row>> {
	const rows = await query({
		name: 'auth.getLockout',
		row: Row,
		params: { tenant: p.tenant, source: p.source, from: toChTime(p.from), email: p.email.trim().toLowerCase(), ip: toStoredIp(p.ip) ?? '::' },
		sql: `SELECT
				arrayReverseSort(groupArrayIf(toString(occurred_at), lower(actor_email) = {email:String})) AS account,
				arrayReverseSort(groupArrayIf(toString(occurred_at), ip = toIPv6({ip:String}) AND ip != toIPv6('::'))) AS ip
			FROM events
			WHERE tenant = {tenant:String} AND occurred_at >= {from:DateTime64(3)} AND source = {source:String} AND action_key = 'login_failed'`
	});
	return rows[0] ?? { account: [], ip: [] };
}
