import { z } from 'zod';
import { insert, query } from '../../clickhouse/query';
import { toChTime } from '../../clickhouse/time';

export interface ClaimKey {
	tenant: string;
	month: string;
	sendNo: number;
	attempt: number;
}

// Later claims rank lower, so ReplacingMergeTree keeps the earliest (see migration 0040).
// The ceiling (the year 2286) keeps the rank a safe integer in JavaScript.
const RANK_CEILING = 10_000_000_000_000;

export async function insertReportClaim(key: ClaimKey, holder: string, now: Date): Promise<void> {
	await insert('monthly.insertReportClaim', 'report_claims', [
		{
			tenant: key.tenant,
			month: key.month,
			send_no: key.sendNo,
			attempt: key.attempt,
			holder,
			claimed_at: toChTime(now),
			rank: RANK_CEILING - now.getTime()
		}
	]);
}

const Row = z.object({ holder: z.string() });

/** The holder of an attempt once all claims have arrived: the earliest claim's. */
export async function getClaimHolder(key: ClaimKey): Promise<string | null> {
	const rows = await query({
		name: 'monthly.getClaimHolder',
		row: Row,
		params: { ...key },
		sql: `SELECT holder FROM report_claims FINAL
			WHERE tenant = {tenant:String} AND month = {month:String} AND send_no = {sendNo:UInt16} AND attempt = {attempt:UInt16} LIMIT 1`
	});
	return rows[0]?.holder ?? null;
}
