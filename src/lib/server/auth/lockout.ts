import { chTimeMs } from '../clickhouse/time';
import { listFailedSignInTimes } from '../queries/auth/list-failed-sign-in-times';
import { AUDIT_SOURCE } from '../audit/audit-source';

export const LOCKOUT = { windowMinutes: 15, perAccount: 5, perIp: 20 } as const;

/**
 * Whether sign-in is refused for an account or an address, from the failed sign-ins already in
 * the audit trail (one source of truth), and for how many seconds more. Only Trailscope's own
 * records count: the audit tenant and source are refused to every API key at ingest.
 */
export async function getLockout(auditTenant: string, email: string, ip: string, now: Date): Promise<{ locked: boolean; retryAfterSeconds: number }> {
	const { account, ip: fromIp } = await listFailedSignInTimes({ tenant: auditTenant, source: AUDIT_SOURCE, from: new Date(now.getTime() - LOCKOUT.windowMinutes * 60e3), email, ip });
	// Locked until the failure that made the count reach the limit leaves the window.
	const until = (times: string[], limit: number) => (times.length >= limit ? chTimeMs(times[limit - 1]) + LOCKOUT.windowMinutes * 60e3 : 0);
	const end = Math.max(until(account, LOCKOUT.perAccount), until(fromIp, LOCKOUT.perIp));
	return end > now.getTime() ? { locked: true, retryAfterSeconds: Math.ceil((end - now.getTime()) / 1000) } : { locked: false, retryAfterSeconds: 0 };
}
