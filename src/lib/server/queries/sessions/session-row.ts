import { z } from 'zod';

export const SessionRow = z.object({
	token_hash: z.string(),
	user_id: z.string(),
	created_at: z.string(),
	last_seen_at: z.string(),
	expires_at: z.string(),
	revoked: z.coerce.boolean(),
	ip: z.string(),
	user_agent: z.string()
});
export type Session = z.infer<typeof SessionRow>;

export const SESSION_COLUMNS = `token_hash, user_id, toString(created_at) AS created_at, toString(last_seen_at) AS last_seen_at,
	toString(expires_at) AS expires_at, revoked, ip, user_agent`;
