import { z } from 'zod';
import { insert, query } from '../../clickhouse/query';
import { chTimeToIso, toChTime } from '../../clickhouse/time';

/** What one seal sealed, in seal order: its events' ids and the first 16 hex of each leaf (clickhouse/0062). */
export interface SealedLeaves {
	seq: number;
	periodStart: string;
	ids: string[];
	leafPrefixes: string[];
}

/** Written before the seals they describe: a run that fails between leaves a list that its rerun rewrites. */
export function insertSealLeaves(tenant: string, lists: readonly SealedLeaves[]): Promise<void> {
	const rows = lists.map((l) => ({ tenant, seq: l.seq, period_start: toChTime(new Date(l.periodStart)), ids: l.ids, leaf_prefixes: l.leafPrefixes }));
	return insert('seals.insertSealLeaves', 'seal_leaves', rows);
}

const Row = z.object({ seq: z.coerce.number(), period_start: z.string(), ids: z.array(z.string()), leaf_prefixes: z.array(z.string()) });

/** A tenant's sealed leaf lists of these seals (those kept: see the table's TTL). */
export async function listSealLeafLists(tenant: string, seqs: readonly number[]): Promise<Map<number, SealedLeaves>> {
	if (seqs.length === 0) return new Map();
	const rows = await query({
		name: 'seals.listSealLeafLists',
		row: Row,
		params: { tenant, seqs },
		sql: `SELECT seq, toString(period_start) AS period_start, arrayMap(x -> toString(x), ids) AS ids, arrayMap(x -> toString(x), leaf_prefixes) AS leaf_prefixes
			FROM seal_leaves FINAL WHERE tenant = {tenant:String} AND seq IN {seqs:Array(UInt64)}`
	});
	return new Map(rows.map((r) => [r.seq, { seq: r.seq, periodStart: chTimeToIso(r.period_start), ids: r.ids, leafPrefixes: r.leaf_prefixes }]));
}
