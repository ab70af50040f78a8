import { z } from 'zod';

export const SCOPES = ['ingest', 'read', 'admin'] as const;
export type Scope = (typeof SCOPES)[number];

/** A key as administrators see it: never its secret or hash. */
export const StoredKeyRow = z.object({
	id: z.string(),
	name: z.string(),
	prefix: z.string(),
	scopes: z.array(z.enum(SCOPES)),
	tenant: z.string(),
	created_at: z.string(),
	created_by: z.string(),
	revoked_at: z.string().nullable(),
	last_used_at: z.string().nullable()
});
export type StoredKey = z.infer<typeof StoredKeyRow>;
/** A key's stored row, with the hash of its secret. */
export type KeyVersion = Omit<StoredKey, 'last_used_at'> & { secret_hash: string };

export const STORED_KEY_COLUMNS = `id, name, prefix, scopes, tenant, toString(created_at) AS created_at, created_by,
	if(revoked_at IS NULL, NULL, toString(revoked_at)) AS revoked_at`;
