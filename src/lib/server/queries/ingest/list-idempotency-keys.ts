import { z } from 'zod';
import { query } from '../../clickhouse/query';

export const IdempotencyRow = z.object({ keyId: z.string(), idempotencyKey: z.string(), bodyHash: z.string(), accepted: z.coerce.number() });
export type IdempotencyRecord = z.infer<typeof IdempotencyRow>;

/** The requests already answered under these (key id, Idempotency-Key) pairs, each written `${keyId}\n${key}`. */
export function listIdempotencyKeys(pairs: string[]): Promise<IdempotencyRecord[]> {
	return query({
		name: 'ingest.listIdempotencyKeys',
		row: IdempotencyRow,
		params: { pairs },
		sql: `SELECT key_id AS "keyId", idempotency_key AS "idempotencyKey", body_hash AS "bodyHash", accepted
			FROM ingest_requests FINAL WHERE concat(key_id, '\\n', idempotency_key) IN {pairs:Array(String)}`
	});
}
