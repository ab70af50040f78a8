import { z } from 'zod';
import { query } from '../../clickhouse/query';

const CountRow = z.object({ n: z.coerce.number() });

/** How many keys are not revoked. */
export async function countApiKeys(): Promise<number> {
	const [row] = await query({ name: 'auth.countApiKeys', row: CountRow, sql: 'SELECT count() AS n FROM api_keys FINAL WHERE revoked_at IS NULL' });
	return row.n;
}
