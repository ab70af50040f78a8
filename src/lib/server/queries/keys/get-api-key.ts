import { z } from 'zod';
import { query } from '../../clickhouse/query';
import { STORED_KEY_COLUMNS, StoredKeyRow, type KeyVersion } from './key-row';

export async function getApiKey(id: string): Promise<KeyVersion | null> {
	const rows = await query({
		name: 'auth.getApiKey',
		row: StoredKeyRow.omit({ last_used_at: true }).extend({ secret_hash: z.string() }),
		params: { id },
		sql: `SELECT ${STORED_KEY_COLUMNS}, secret_hash FROM api_keys FINAL WHERE id = {id:String} LIMIT 1`
	});
	return rows[0] ?? null;
}
