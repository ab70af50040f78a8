import { query } from '../../clickhouse/query';
import { toChTime } from '../../clickhouse/time';
import type { Seal } from '../../seals/seal-record';
import { SEAL_COLUMNS, SealDbRow, toSeal } from './seal-row';

/** A tenant's seals of the periods starting in [from, to), in chain order. */
export async function listSeals(tenant: string, from: Date, to: Date): Promise<Seal[]> {
	const rows = await query({
		name: 'seals.listSeals',
		row: SealDbRow,
		params: { tenant, from: toChTime(from), to: toChTime(to) },
		sql: `SELECT ${SEAL_COLUMNS} FROM seals FINAL
			WHERE tenant = {tenant:String} AND period_start >= {from:DateTime64(3)} AND period_start < {to:DateTime64(3)}
			ORDER BY seq`
	});
	return rows.map(toSeal);
}

/** A tenant's seals with these sequence numbers (the predecessors a range's chain check needs). */
export async function listSealsBySeq(tenant: string, seqs: readonly number[]): Promise<Seal[]> {
	if (seqs.length === 0) return [];
	const rows = await query({
		name: 'seals.listSealsBySeq',
		row: SealDbRow,
		params: { tenant, seqs },
		sql: `SELECT ${SEAL_COLUMNS} FROM seals FINAL WHERE tenant = {tenant:String} AND seq IN {seqs:Array(UInt64)} ORDER BY seq`
	});
	return rows.map(toSeal);
}
