import { insert } from '../../clickhouse/query';
import { rowVersion, toChTime } from '../../clickhouse/time';
import type { KeyVersion } from './key-row';

/** Writes a key's whole state; a newer version replaces the older. */
export async function insertApiKeyVersion(k: KeyVersion, now: Date, name = 'auth.insertApiKeyVersion'): Promise<void> {
	await insert(name, 'api_keys', [{ ...k, version: rowVersion(now) }]);
}

/** Notes that a key was used at `at` (api_key_usage keeps the latest). */
export async function insertApiKeyUse(keyId: string, at: Date): Promise<void> {
	await insert('auth.insertApiKeyUse', 'api_key_usage', [{ key_id: keyId, last_used_at: toChTime(at) }]);
}
