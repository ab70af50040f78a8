import { query } from '../../clickhouse/query';
import type { Seal } from '../../seals/seal-record';
import { SEAL_COLUMNS, SealDbRow, toSeal } from './seal-row';

/** Every tenant's seals of the periods starting on one UTC day (YYYY-MM-DD), by tenant and chain order. */
export async function listDaySeals(day: string): Promise<Seal[]> {
	const rows = await query({
		name: 'seals.listDaySeals',
		row: SealDbRow,
		params: { day },
		sql: `SELECT ${SEAL_COLUMNS} FROM seals FINAL WHERE toDate(period_start) = {day:Date} ORDER BY tenant, seq`
	});
	return rows.map(toSeal);
}
