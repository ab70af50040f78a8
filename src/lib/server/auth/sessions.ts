import { createHash, randomBytes } from 'node:crypto';
import { z } from 'zod';
import { insert, query } from '../clickhouse/query';
import { chTimeMs, rowVersion, toChTime } from '../clickhouse/time';

export interface SessionPolicy {
	idleMinutes: number;
	absoluteHours: number;
}

const SessionRow = z.object({
	token_hash: z.string(),
	user_id: z.string(),
	created_at: z.string(),
	last_seen_at: z.string(),
	expires_at: z.string(),
	revoked: z.coerce.boolean(),
	ip: z.string(),
	user_agent: z.string()
});
type Session = z.infer<typeof SessionRow>;

const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

async function write(s: Session, now: Date) {
	await insert('sessions.insertSessionVersion', 'sessions', [{ ...s, version: rowVersion(now) }]);
}

/** Starts a session; the returned token goes into the cookie and is stored only as a hash. */
export async function createSession(userId: string, meta: { ip: string; userAgent: string }, policy: SessionPolicy, now: Date): Promise<string> {
	const token = randomBytes(32).toString('base64url');
	await write(
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

async function getByHash(hash: string): Promise<Session | null> {
	const rows = await query({
		name: 'sessions.getSession',
		row: SessionRow,
		params: { hash },
		sql: `SELECT token_hash, user_id, toString(created_at) AS created_at, toString(last_seen_at) AS last_seen_at,
				toString(expires_at) AS expires_at, revoked, ip, user_agent
			FROM sessions FINAL WHERE token_hash = {hash:String} LIMIT 1`
	});
	return rows[0] ?? null;
}

// Recording every request's time would write on every click; a minute's precision is enough
// for an idle timeout counted in tens of minutes.
const TOUCH_EVERY_MS = 60_000;

/** The user id of a live session (not revoked, not idle too long, not past its lifetime), touching it. */
export async function resumeSession(token: string, policy: SessionPolicy, now: Date): Promise<{ userId: string; reason?: never } | { userId?: never; reason: 'unknown' | 'revoked' | 'idle' | 'expired' }> {
	const s = await getByHash(hashToken(token));
	if (!s) return { reason: 'unknown' };
	if (s.revoked) return { reason: 'revoked' };
	if (chTimeMs(s.expires_at) <= now.getTime()) return { reason: 'expired' };
	if (chTimeMs(s.last_seen_at) + policy.idleMinutes * 60e3 <= now.getTime()) return { reason: 'idle' };
	if (now.getTime() - chTimeMs(s.last_seen_at) >= TOUCH_EVERY_MS) await write({ ...s, last_seen_at: toChTime(now) }, now);
	return { userId: s.user_id };
}

export async function revokeSession(token: string, now: Date): Promise<void> {
	const s = await getByHash(hashToken(token));
	if (s && !s.revoked) await write({ ...s, revoked: true }, now);
}

/** Ends every live session of a user: on deactivation, and on a change of role or password. */
export async function revokeUserSessions(userId: string, now: Date): Promise<number> {
	const live = await query({
		name: 'sessions.listLiveSessions',
		row: SessionRow,
		params: { userId, now: toChTime(now) },
		sql: `SELECT token_hash, user_id, toString(created_at) AS created_at, toString(last_seen_at) AS last_seen_at,
				toString(expires_at) AS expires_at, revoked, ip, user_agent
			FROM sessions FINAL WHERE user_id = {userId:String} AND NOT revoked AND expires_at > {now:DateTime64(3)}`
	});
	for (const s of live) await write({ ...s, revoked: true }, now);
	return live.length;
}
