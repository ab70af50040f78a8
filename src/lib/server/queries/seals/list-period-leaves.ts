import { z } from 'zod';
import { query } from '../../clickhouse/query';
import { toChTime } from '../../clickhouse/time';
import { CANONICAL_HASH_SQL, CANONICAL_SQL_APPLIES } from './canonical-sql';

const Row = z.object({
	period_ms: z.coerce.number(),
	leaves: z.string(),
	/** Arrival times (epoch ms), comma-separated: one string parses far faster than a long array through the row schema. */
	received: z.string(),
	changed: z.array(z.string()),
	node_pos: z.array(z.coerce.number()),
	node_ids: z.array(z.string())
});
export type PeriodLeavesRow = z.infer<typeof Row>;

/**
 * A tenant's events of [from, to) verified where they are stored, one row per period: every
 * event's Merkle leaf (64 hex each, concatenated) in seal order with its arrival time, the ids
 * whose stored hash differs from the one recomputed from their fields, and the rows the engine's
 * canonical form does not stand for (form-1 hashes, invalid UTF-8: see canonical-sql.ts), by
 * place and id, for Node to hash. Nothing else leaves the engine, which is what makes a month of
 * events verify in seconds instead of minutes.
 */
export function listPeriodLeaves(r: { tenant: string; from: Date; to: Date; periodMs: number }): Promise<PeriodLeavesRow[]> {
	return query({
		name: 'seals.listPeriodLeaves',
		row: Row,
		params: { tenant: r.tenant, from: toChTime(r.from), to: toChTime(r.to), periodMs: r.periodMs },
		sql: `SELECT period_ms, arrayStringConcat(arrayMap(x -> x.4, s)) AS leaves, arrayStringConcat(arrayMap(x -> toString(x.3), s), ',') AS received,
				arrayMap(x -> x.2, arrayFilter(x -> x.5 = 1, s)) AS changed,
				arrayMap(i -> i - 1, arrayFilter((i, x) -> x.5 = 2, arrayEnumerate(s), s)) AS node_pos,
				arrayMap(x -> x.2, arrayFilter(x -> x.5 = 2, s)) AS node_ids
			FROM (
				SELECT period_ms, arraySort(x -> (x.1, x.2), groupArray((at, event_id, received_ms, leaf, state))) AS s
				FROM (
					SELECT intDiv(toUnixTimestamp64Milli(occurred_at), {periodMs:UInt64}) * {periodMs:UInt64} AS period_ms, occurred_at AS at,
						toString(id) AS event_id, toUnixTimestamp64Milli(received_at) AS received_ms,
						if(${CANONICAL_SQL_APPLIES}, ${CANONICAL_HASH_SQL}, '') AS recomputed,
						multiIf(recomputed = '', 2, recomputed != toString(content_hash), 1, 0) AS state,
						if(state = 2, repeat('0', 64), lower(hex(SHA256(concat(char(0), unhex(replaceAll(event_id, '-', '')), unhex(recomputed)))))) AS leaf
					FROM events
					WHERE tenant = {tenant:String} AND occurred_at >= {from:DateTime64(3)} AND occurred_at < {to:DateTime64(3)}
				)
				GROUP BY period_ms
			)
			ORDER BY period_ms`
	});
}
