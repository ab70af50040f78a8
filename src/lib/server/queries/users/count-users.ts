import { z } from 'zod';
import { query } from '../../clickhouse/query';

const CountRow = z.object({ n: z.coerce.number() });

export async function countUsers(): Promise<number> {
	const [r] = await query({ name: 'users.countUsers', row: CountRow, sql: 'SELECT count() AS n FROM users FINAL' });
	return r.n;
}
