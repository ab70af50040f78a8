import { z } from 'zod';
import { query } from '../../clickhouse/query';
import { SCOPES } from './key-row';

const KeyRow = z.object({ id: z.string(), name: z.string(), scopes: z.array(z.enum(SCOPES)), tenant: z.string() });

/** The live (not revoked) key with this secret hash. */
export async function getApiKeyByHash(hash: string): Promise<z.infer<typeof KeyRow> | null> {
	const rows = await query({
		name: 'auth.getApiKeyByHash',
		row: KeyRow,
		params: { hash },
		sql: `SELECT id, name, scopes, tenant FROM api_keys FINAL WHERE secret_hash = {hash:String} AND revoked_at IS NULL LIMIT 1`
	});
	return rows[0] ?? null;
}
