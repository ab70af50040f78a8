import type { Config } from '../config';
import { recordAudit } from '../audit/record-audit';
import { getLockout, LOCKOUT } from './lockout';
import { NO_PASSWORD, verifyPassword } from './passwords';
import { createSession } from './sessions';
import { getUserByEmail } from '../queries/users/get-user-by-email';
import { toUser, type User } from './users';
import { createKeyedSerial } from '../serial';

export interface SignInRequest {
	email: string;
	password: string;
	ip: string;
	userAgent: string;
	now: Date;
}

export type SignInResult =
	| { ok: true; token: string; user: User }
	| { ok: false; status: 401; message: string }
	| { ok: false; status: 429; message: string; retryAfterSeconds: number };

/** The one answer to every failed sign-in: it never tells whether the account exists. */
export const SIGN_IN_FAILED = 'Incorrect email or password.';

// Counting the failures and deciding must be one step: attempts run concurrently would each read
// the count before any had recorded its failure, and the sixth guess would pass the limit. Attempts
// on one account or from one address take turns; the count itself is in the store, so it holds
// across restarts. (Across several web processes each takes turns only with itself.)
const attempts = createKeyedSerial();

/**
 * Checks credentials with lockout (5 failures per account or 20 per address in 15 minutes),
 * records every attempt in the audit trail, and opens a session on success.
 */
export function signIn(req: SignInRequest, config: Pick<Config, 'auditTenant' | 'sessions'>): Promise<SignInResult> {
	const email = req.email.trim().toLowerCase();
	return attempts([`account:${email}`, `address:${req.ip}`], () => attempt(req, email, config));
}

async function attempt(req: SignInRequest, email: string, config: Pick<Config, 'auditTenant' | 'sessions'>): Promise<SignInResult> {
	const who = { id: email, email, type: 'user' as const };
	const meta = { ip: req.ip, userAgent: req.userAgent };
	const lock = await getLockout(config.auditTenant, email, req.ip, req.now);
	if (lock.locked) {
		await recordAudit({ actor: who, action: 'login_blocked', category: 'authentication', outcome: 'failure', reason: 'Locked out after repeated failures', ...meta }, req.now);
		const minutes = Math.ceil(lock.retryAfterSeconds / 60);
		return { ok: false, status: 429, message: `Too many failed sign-ins. Try again in ${minutes} minute${minutes === 1 ? '' : 's'}.`, retryAfterSeconds: lock.retryAfterSeconds };
	}
	const stored = await getUserByEmail(email);
	// Verified even for unknown accounts, so the answer takes as long either way.
	const matches = await verifyPassword(req.password, stored?.password_hash ?? NO_PASSWORD);
	const reason = !stored ? 'Unknown account' : !stored.active ? 'Account deactivated' : !matches ? 'Invalid password' : null;
	if (reason || !stored) {
		const actor = stored ? { id: stored.id, email: stored.email, name: stored.name, type: 'user' as const } : who;
		await recordAudit({ actor, action: 'login_failed', category: 'authentication', outcome: 'failure', reason: reason ?? 'Unknown account', ...meta }, req.now);
		const after = await getLockout(config.auditTenant, email, req.ip, req.now);
		if (after.locked) {
			const scope = `${LOCKOUT.perAccount} failures for the account or ${LOCKOUT.perIp} from the address within ${LOCKOUT.windowMinutes} minutes`;
			await recordAudit({ actor, action: 'account_locked', category: 'authentication', outcome: 'failure', reason: `Locked out: ${scope}`, details: { retry_after_seconds: after.retryAfterSeconds }, ...meta }, req.now);
		}
		return { ok: false, status: 401, message: SIGN_IN_FAILED };
	}
	const token = await createSession(stored.id, meta, config.sessions, req.now);
	await recordAudit({ actor: { id: stored.id, email: stored.email, name: stored.name, type: 'user' }, action: 'login', category: 'authentication', ...meta }, req.now);
	return { ok: true, token, user: toUser(stored) };
}
