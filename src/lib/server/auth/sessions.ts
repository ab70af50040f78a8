import { createHash, randomBytes } from 'node:crypto';
import { chTimeMs, toChTime } from '../clickhouse/time';
import { getSession } from '../queries/sessions/get-session';
import { insertSessionVersion } from '../queries/sessions/insert-session-version';
import { listLiveSessions } from '../queries/sessions/list-live-sessions';

export interface SessionPolicy {
	idleMinutes: number;
	absoluteHours: number;
}

const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

/** Starts a session; the returned token goes into the cookie and is stored only as a hash. */
export async function createSession(userId: string, meta: { ip: string; userAgent: string }, policy: SessionPolicy, now: Date): Promise<string> {
	const token = randomBytes(32).toString('base64url');
	await insertSessionVersion(
		{
			token_hash: hashToken(token),
			user_id: userId,
			created_at: toChTime(now),
			last_seen_at: toChTime(now),
			expires_at: toChTime(new Date(now.getTime() + policy.absoluteHours * 3600e3)),
			revoked: false,
			ip: meta.ip,
			user_agent: meta.userAgent.slice(0, 512)
		},
		now
	);
	return token;
}

// Recording every request's time would write on every click; a minute's precision is enough
// for an idle timeout counted in tens of minutes.
const TOUCH_EVERY_MS = 60_000;

/** The user id of a live session (not revoked, not idle too long, not past its lifetime), touching it. */
export async function resumeSession(token: string, policy: SessionPolicy, now: Date): Promise<{ userId: string; reason?: never } | { userId?: never; reason: 'unknown' | 'revoked' | 'idle' | 'expired' }> {
	const s = await getSession(hashToken(token));
	if (!s) return { reason: 'unknown' };
	if (s.revoked) return { reason: 'revoked' };
	if (chTimeMs(s.expires_at) <= now.getTime()) return { reason: 'expired' };
	if (chTimeMs(s.last_seen_at) + policy.idleMinutes * 60e3 <= now.getTime()) return { reason: 'idle' };
	if (now.getTime() - chTimeMs(s.last_seen_at) >= TOUCH_EVERY_MS) await insertSessionVersion({ ...s, last_seen_at: toChTime(now) }, now);
	return { userId: s.user_id };
}

export async function revokeSession(token: string, now: Date): Promise<void> {
	const s = await getSession(hashToken(token));
	if (s && !s.revoked) await insertSessionVersion({ ...s, revoked: true }, now);
}

/** Ends every live session of a user: on deactivation, and on a change of role or password. */
export async function revokeUserSessions(userId: string, now: Date): Promise<number> {
	const live = await listLiveSessions(userId, now);
	for (const s of live) await insertSessionVersion({ ...s, revoked: true }, now);
	return live.length;
}
