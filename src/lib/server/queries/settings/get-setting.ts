import { z } from 'zod';
import { query } from '../../clickhouse/query';

const Row = z.object({ value: z.string() });

/** The stored text of a setting (JSON), or null when none was saved. */
export async function getSetting(key: string): Promise<string | null> {
	const rows = await query({ name: 'settings.getSetting', row: Row, params: { key }, sql: 'SELECT value FROM settings FINAL WHERE key = {key:String}' });
	return rows[0]?.value ?? null;
}
