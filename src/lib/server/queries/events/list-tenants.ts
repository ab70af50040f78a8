import { z } from 'zod';
import { query } from '../../clickhouse/query';

const Row = z.object({ tenant: z.string() });

/** Tenants that hold events, from the volume rollup (small) rather than the events themselves. */
export async function listTenants(): Promise<string[]> {
	const rows = await query({ name: 'events.listTenants', row: Row, sql: 'SELECT DISTINCT tenant FROM events_volume_1m ORDER BY tenant' });
	return rows.map((r) => r.tenant);
}
