import { query } from '../../clickhouse/query';
import { STORED_KEY_COLUMNS, StoredKeyRow, type StoredKey } from './key-row';

/** Every key, live ones first, newest first, with when each was last used. */
export async function listApiKeys(): Promise<StoredKey[]> {
	const keys = await query({
		name: 'auth.listApiKeys',
		row: StoredKeyRow,
		sql: `SELECT ${STORED_KEY_COLUMNS}, if(u.used IS NULL, NULL, toString(u.used)) AS last_used_at
			FROM (SELECT * FROM api_keys FINAL) AS k
			LEFT JOIN (SELECT key_id, max(last_used_at) AS used FROM api_key_usage GROUP BY key_id) AS u ON u.key_id = k.id
			SETTINGS join_use_nulls = 1`
	});
	return keys.sort((a, b) => Number(!!a.revoked_at) - Number(!!b.revoked_at) || b.created_at.localeCompare(a.created_at));
}
