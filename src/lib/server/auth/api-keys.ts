import { createHash, randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import { getConfig } from '../config';
import { insert, query } from '../clickhouse/query';
import { toChTime } from '../ingest/prepare';

export const SCOPES = ['ingest', 'read', 'admin'] as const;
export type Scope = (typeof SCOPES)[number];

export interface ApiKey {
	id: string;
	name: string;
	scopes: Scope[];
	/** The one tenant this key may touch; null for all tenants. */
	tenant: string | null;
}

export const hashSecret = (secret: string) => createHash('sha256').update(secret).digest('hex');
export const newSecret = () => `tsk_${randomBytes(24).toString('base64url')}`;

/** admin implies the other scopes: an administrator may do what the narrower keys may. */
export const hasScope = (key: ApiKey, scope: Scope) => key.scopes.includes(scope) || key.scopes.includes('admin');

const KeyRow = z.object({ id: z.string(), name: z.string(), scopes: z.array(z.enum(SCOPES)), tenant: z.string() });

// Keys are looked up on every request; a short cache keeps that off the store, and bounds how
// long a revoked key keeps working in another process.
const CACHE_MS = 10_000;
const cache = new Map<string, { key: ApiKey | null; until: number }>();

function configuredKey(secret: string): ApiKey | null {
	const configured = getConfig().ingest.apiKey;
	if (!configured) return null;
	const a = Buffer.from(hashSecret(configured));
	const b = Buffer.from(hashSecret(secret));
	return timingSafeEqual(a, b) ? { id: 'env:INGEST_API_KEY', name: 'INGEST_API_KEY', scopes: [...SCOPES], tenant: null } : null;
}

/** The key a bearer secret belongs to, or null when it is unknown or revoked. */
export async function authenticateKey(secret: string, now = Date.now()): Promise<ApiKey | null> {
	const fromEnv = configuredKey(secret);
	if (fromEnv) return fromEnv;
	const hash = hashSecret(secret);
	const hit = cache.get(hash);
	if (hit && hit.until > now) return hit.key;
	const rows = await query({
		name: 'auth.getApiKeyByHash',
		row: KeyRow,
		params: { hash },
		sql: `SELECT id, name, scopes, tenant FROM api_keys FINAL WHERE secret_hash = {hash:String} AND revoked_at IS NULL LIMIT 1`
	});
	const key = rows[0] ? { ...rows[0], tenant: rows[0].tenant || null } : null;
	if (cache.size > 10_000) cache.clear();
	cache.set(hash, { key, until: now + CACHE_MS });
	return key;
}

export interface NewKey {
	name: string;
	scopes: Scope[];
	tenant: string | null;
	createdBy: string;
}

/** Stores a new key and returns its secret, which is never shown again. */
export async function createApiKey(k: NewKey, now = new Date()): Promise<{ key: ApiKey; secret: string }> {
	const secret = newSecret();
	const id = randomUUID();
	await insert('auth.insertApiKey', 'api_keys', [
		{
			id,
			name: k.name,
			secret_hash: hashSecret(secret),
			prefix: secret.slice(0, 8),
			scopes: k.scopes,
			tenant: k.tenant ?? '',
			created_at: toChTime(now),
			created_by: k.createdBy,
			revoked_at: null,
			last_used_at: null,
			version: now.getTime()
		}
	]);
	return { key: { id, name: k.name, scopes: k.scopes, tenant: k.tenant }, secret };
}

const CountRow = z.object({ n: z.coerce.number() });

/**
 * Without INGEST_API_KEY, the first start creates a key with every scope and hands back its
 * secret to print once; later starts find keys and create none.
 */
export async function ensureBootstrapKey(): Promise<string | null> {
	if (getConfig().ingest.apiKey) return null;
	const [row] = await query({ name: 'auth.countApiKeys', row: CountRow, sql: 'SELECT count() AS n FROM api_keys FINAL WHERE revoked_at IS NULL' });
	if (row.n > 0) return null;
	const { secret } = await createApiKey({ name: 'bootstrap', scopes: [...SCOPES], tenant: null, createdBy: 'system' });
	return secret;
}
