import { z } from 'zod';
import { query } from '../clickhouse/query';
import { chTimeMs, toChTime } from '../clickhouse/time';
import { toStoredIp } from '../ingest/ip';
import { AUDIT_SOURCE } from '../audit/audit-source';

export const LOCKOUT = { windowMinutes: 15, perAccount: 5, perIp: 20 } as const;

const Row = z.object({ account: z.array(z.string()), ip: z.array(z.string()) });

/**
 * Whether sign-in is refused for an account or an address, from the failed sign-ins already in
 * the audit trail (one source of truth), and for how many seconds more. Only Trailscope's own
 * records count: the audit tenant and source are refused to every API key at ingest.
 */
export async function getLockout(auditTenant: string, email: string, ip: string, now: Date): Promise<{ locked: boolean; retryAfterSeconds: number }> {
	const rows = await query({
		name: 'auth.getLockout',
		row: Row,
		params: { tenant: auditTenant, source: AUDIT_SOURCE, from: toChTime(new Date(now.getTime() - LOCKOUT.windowMinutes * 60e3)), email: email.trim().toLowerCase(), ip: toStoredIp(ip) ?? '::' },
		sql: `SELECT
				arrayReverseSort(groupArrayIf(toString(occurred_at), lower(actor_email) = {email:String})) AS account,
				arrayReverseSort(groupArrayIf(toString(occurred_at), ip = toIPv6({ip:String}) AND ip != toIPv6('::'))) AS ip
			FROM events
			WHERE tenant = {tenant:String} AND occurred_at >= {from:DateTime64(3)} AND source = {source:String} AND action_key = 'login_failed'`
	});
	const { account, ip: fromIp } = rows[0] ?? { account: [], ip: [] };
	// Locked until the failure that made the count reach the limit leaves the window.
	const until = (times: string[], limit: number) => (times.length >= limit ? chTimeMs(times[limit - 1]) + LOCKOUT.windowMinutes * 60e3 : 0);
	const end = Math.max(until(account, LOCKOUT.perAccount), until(fromIp, LOCKOUT.perIp));
	return end > now.getTime() ? { locked: true, retryAfterSeconds: Math.ceil((end - now.getTime()) / 1000) } : { locked: false, retryAfterSeconds: 0 };
}
