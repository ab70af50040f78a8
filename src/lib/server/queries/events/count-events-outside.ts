import { z } from 'zod';
import { query } from '../../clickhouse/query';

const CountRow = z.object({ n: z.coerce.number() });

/** How many events are stored outside one tenant (Trailscope's own audit tenant, say). */
export async function countEventsOutside(tenant: string): Promise<number> {
	const [row] = await query({ name: 'demo.countEvents', row: CountRow, params: { audit: tenant }, sql: 'SELECT count() AS n FROM events WHERE tenant != {audit:String}' });
	return row.n;
}
