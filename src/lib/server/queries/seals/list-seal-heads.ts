import { z } from 'zod';
import { query } from '../../clickhouse/query';
import { fromChTime } from '../../clickhouse/time';

const Row = z.object({
	tenant: z.string(),
	seq: z.coerce.number(),
	hash: z.string(),
	first_period: z.string(),
	last_period_end: z.string(),
	received_to: z.string(),
	sealed_at: z.string()
});

/**
 * Per tenant: the last seal (its seq and hash, which the next seal chains to), the period of its
 * first seal and the latest period end (every period between is sealed: the job fills gaps), and
 * the arrival mark everything before was sealed up to. `tenant` narrows to one.
 */
export interface SealHead {
	tenant: string;
	seq: number;
	hash: string;
	firstPeriod: Date;
	lastPeriodEnd: Date;
	receivedTo: Date;
	sealedAt: Date;
}


export async function listSealHeads(tenant?: string): Promise<SealHead[]> {
	const rows = await query({
		name: 'seals.listSealHeads',
		row: Row,
		params: { tenant: tenant ?? '', all: tenant === undefined ? 1 : 0 },
		sql: `SELECT tenant, max(seq) AS seq, toString(argMax(hash, seq)) AS hash, toString(argMin(period_start, seq)) AS first_period,
				toString(max(period_end)) AS last_period_end, toString(max(received_to)) AS received_to, toString(max(sealed_at)) AS sealed_at
			FROM seals FINAL WHERE {all:UInt8} = 1 OR tenant = {tenant:String}
			GROUP BY tenant ORDER BY tenant`
	});
	return rows.map((r) => ({
		tenant: r.tenant, seq: r.seq, hash: r.hash, firstPeriod: fromChTime(r.first_period), lastPeriodEnd: fromChTime(r.last_period_end), receivedTo: fromChTime(r.received_to), sealedAt: fromChTime(r.sealed_at)
	}));
}
