import { z } from 'zod';
import { query } from '../../clickhouse/query';

const Row = z.object({ id: z.string() });

/**
 * Which of these event ids are already stored, whatever their tenant and time. An id names one
 * event, so this read is bounded by the ids alone, not by a period: a resend under another tenant
 * or time must still be found (the id bloom filter index keeps it to the granules that may hold one).
 */
export async function listStoredIds(ids: string[]): Promise<Set<string>> {
	if (ids.length === 0) return new Set();
	const rows = await query({ name: 'ingest.listStoredIds', row: Row, params: { ids }, sql: `SELECT DISTINCT toString(id) AS id FROM events WHERE id IN {ids:Array(UUID)}` });
	return new Set(rows.map((r) => r.id));
}
