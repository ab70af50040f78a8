import { z } from 'zod';
import { query } from '../../clickhouse/query';
import { toChTime } from '../../clickhouse/time';
import { CONTENT_HASH_SQL } from '../events/event-columns';

const Row = z.object({ period_ms: z.coerce.number(), id: z.string(), content_hash: z.string(), received_ms: z.coerce.number() });
export type SealLeafRow = z.infer<typeof Row>;

/**
 * The id and stored hash of a tenant's events in these periods received in [receivedFrom,
 * receivedBefore), in the seal order: occurred_at, then the id's text. Only the two columns a
 * seal needs are read, so sealing costs a fraction of reading the events.
 */
export function listSealLeaves(r: { tenant: string; periods: readonly number[]; periodMs: number; receivedFrom: Date; receivedBefore: Date }): Promise<SealLeafRow[]> {
	if (r.periods.length === 0) return Promise.resolve([]);
	const from = Math.min(...r.periods);
	const to = Math.max(...r.periods) + r.periodMs;
	return query({
		name: 'seals.listSealLeaves',
		row: Row,
		params: { tenant: r.tenant, periods: r.periods, periodMs: r.periodMs, from: toChTime(new Date(from)), to: toChTime(new Date(to)), receivedFrom: toChTime(r.receivedFrom), receivedBefore: toChTime(r.receivedBefore) },
		sql: `SELECT intDiv(toUnixTimestamp64Milli(occurred_at), {periodMs:UInt64}) * {periodMs:UInt64} AS period_ms, toString(id) AS id,
				${CONTENT_HASH_SQL} AS content_hash, toUnixTimestamp64Milli(received_at) AS received_ms
			FROM events
			WHERE tenant = {tenant:String} AND occurred_at >= {from:DateTime64(3)} AND occurred_at < {to:DateTime64(3)}
			  AND received_at >= {receivedFrom:DateTime64(3)} AND received_at < {receivedBefore:DateTime64(3)}
			  AND period_ms IN {periods:Array(UInt64)}
			ORDER BY occurred_at, toString(id)`
	});
}
