import { createHash, randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';
import { getConfig } from '../config';
import { toChTime } from '../clickhouse/time';
import { countApiKeys } from '../queries/keys/count-api-keys';
import { getApiKey } from '../queries/keys/get-api-key';
import { getApiKeyByHash } from '../queries/keys/get-api-key-by-hash';
import { insertApiKeyUse, insertApiKeyVersion } from '../queries/keys/insert-api-key-version';
import { SCOPES, type Scope, type StoredKey } from '../queries/keys/key-row';

export { SCOPES, type Scope };

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

/** Revokes a key for good; returns it as it was, or null when there is no such key. */
export async function revokeApiKey(id: string, now = new Date()): Promise<Omit<StoredKey, 'last_used_at'> | null> {
	const k = await getApiKey(id);
	if (!k) return null;
	if (!k.revoked_at) await insertApiKeyVersion({ ...k, revoked_at: toChTime(now) }, now);
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
	await insertApiKeyUse(id, new Date(now));
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
	const row = await getApiKeyByHash(hash);
	const key = row ? { ...row, tenant: row.tenant || null } : null;
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
	const stored = { id, name: k.name, secret_hash: hashSecret(secret), prefix: secret.slice(0, 8), scopes: k.scopes, tenant: k.tenant ?? '', created_at: toChTime(now), created_by: k.createdBy, revoked_at: null };
	await insertApiKeyVersion(stored, now, 'auth.insertApiKey');
	return { key: { id, name: k.name, scopes: k.scopes, tenant: k.tenant }, secret };
}

/**
 * Without INGEST_API_KEY, the first start creates a key with every scope and hands back its
 * secret to print once; later starts find keys and create none.
 */
export async function ensureBootstrapKey(): Promise<string | null> {
	if (getConfig().ingest.apiKey) return null;
	if ((await countApiKeys()) > 0) return null;
	const { secret } = await createApiKey({ name: 'bootstrap', scopes: [...SCOPES], tenant: null, createdBy: 'system' });
	return secret;
}
