import { createHash, randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import { getConfig } from '../config';
import { insert, query } from '../clickhouse/query';
import { rowVersion, toChTime } from '../clickhouse/time';

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

const STORED_COLUMNS = `id, name, prefix, scopes, tenant, toString(created_at) AS created_at, created_by,
	if(revoked_at IS NULL, NULL, toString(revoked_at)) AS revoked_at`;

export async function listApiKeys(): Promise<StoredKey[]> {
	return query({
		name: 'auth.listApiKeys',
		row: StoredKeyRow,
		sql: `SELECT ${STORED_COLUMNS}, if(u.used IS NULL, NULL, toString(u.used)) AS last_used_at
			FROM (SELECT * FROM api_keys FINAL) AS k
			LEFT JOIN (SELECT key_id, max(last_used_at) AS used FROM api_key_usage GROUP BY key_id) AS u ON u.key_id = k.id
			SETTINGS join_use_nulls = 1`
	}).then((keys) => keys.sort((a, b) => Number(!!a.revoked_at) - Number(!!b.revoked_at) || b.created_at.localeCompare(a.created_at)));
}

async function getStoredKey(id: string): Promise<(Omit<StoredKey, 'last_used_at'> & { secret_hash: string }) | null> {
	const rows = await query({
		name: 'auth.getApiKey',
		row: StoredKeyRow.omit({ last_used_at: true }).extend({ secret_hash: z.string() }),
		params: { id },
		sql: `SELECT ${STORED_COLUMNS}, secret_hash FROM api_keys FINAL WHERE id = {id:String} LIMIT 1`
	});
	return rows[0] ?? null;
}

async function writeKeyVersion(k: Omit<StoredKey, 'last_used_at'> & { secret_hash: string }, now: Date) {
	await insert('auth.insertApiKeyVersion', 'api_keys', [{ ...k, version: rowVersion(now) }]);
}

/** Revokes a key for good; returns it as it was, or null when there is no such key. */
export async function revokeApiKey(id: string, now = new Date()): Promise<Omit<StoredKey, 'last_used_at'> | null> {
	const k = await getStoredKey(id);
	if (!k) return null;
	if (!k.revoked_at) await writeKeyVersion({ ...k, revoked_at: toChTime(now) }, now);
	cache.clear();
	const { secret_hash: _h, ...shown } = k;
	return shown;
}

// "Last used" to the minute is enough, and keeps a busy key from writing a version per request.
const USE_PRECISION_MS = 60_000;
const lastWritten = new Map<string, number>();
async function noteUse(id: string, now: number) {
	if (now - (lastWritten.get(id) ?? 0) < USE_PRECISION_MS) return;
	lastWritten.set(id, now);
	if (id.startsWith('env:')) return;
	await insert('auth.insertApiKeyUse', 'api_key_usage', [{ key_id: id, last_used_at: toChTime(new Date(now)) }]);
}

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
	if (hit && hit.until > now) {
		if (hit.key) void noteUse(hit.key.id, now).catch(() => {});
		return hit.key;
	}
	const rows = await query({
		name: 'auth.getApiKeyByHash',
		row: KeyRow,
		params: { hash },
		sql: `SELECT id, name, scopes, tenant FROM api_keys FINAL WHERE secret_hash = {hash:String} AND revoked_at IS NULL LIMIT 1`
	});
	const key = rows[0] ? { ...rows[0], tenant: rows[0].tenant || null } : null;
	if (cache.size > 10_000) cache.clear();
	cache.set(hash, { key, until: now + CACHE_MS });
	if (key) void noteUse(key.id, now).catch(() => {});
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
