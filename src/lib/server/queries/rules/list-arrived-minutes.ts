import { z } from 'zod';
import { query } from '../../clickhouse/query';
import { fromChTime, toChTime } from '../../clickhouse/time';
import { EVENT_KINDS, type EventKind } from '../../../schemas/event-kinds';
import type { ArrivedMinute } from '../../rules/plan-arrivals';
import { KIND_SQL } from '../kind-sql';

const Row = z.object({ tenant: z.string(), minute: z.string(), last_received: z.string(), seen: z.coerce.number(), tail: z.coerce.number(), kinds: z.array(z.enum(EVENT_KINDS)) });

// The kinds among a minute's arrivals: a rule re-reads only the minutes where events of its own kinds arrived.
const KINDS = `arrayFilter(k -> k != '', [${EVENT_KINDS.map((k) => `if(countIf(${KIND_SQL[k]}) > 0, '${k}', '')`).join(', ')}])`;

/**
 * The minutes (of occurred_at) holding events received in (since, until], per tenant, with the
 * latest arrival of each, how many were received up to `seenUntil` (the previous read's end) and how
 * many after `tailFrom` (what the next read will read again), and the kinds of event among them. The received_at skip index keeps this
 * to the granules of recent arrivals.
 */
export async function listArrivedMinutes(r: { since: Date | null; until: Date; seenUntil: Date | null; tailFrom: Date; tenants?: readonly string[] }): Promise<ArrivedMinute[]> {
	const rows = await query({
		name: 'rules.listArrivedMinutes',
		row: Row,
		params: { since: toChTime(r.since ?? new Date(0)), until: toChTime(r.until), seenUntil: toChTime(r.seenUntil ?? new Date(0)), tailFrom: toChTime(r.tailFrom), tenants: r.tenants ?? [] },
		sql: `SELECT tenant, toString(toStartOfMinute(occurred_at)) AS minute, toString(max(received_at)) AS last_received,
				countIf(received_at <= {seenUntil:DateTime64(3)}) AS seen, countIf(received_at > {tailFrom:DateTime64(3)}) AS tail, ${KINDS} AS kinds
			FROM events
			WHERE received_at > {since:DateTime64(3)} AND received_at <= {until:DateTime64(3)}
			  AND (empty({tenants:Array(String)}) OR has({tenants:Array(String)}, tenant))
			GROUP BY tenant, minute`
	});
	return rows.map((x) => ({ tenant: x.tenant, minute: fromChTime(x.minute), lastReceived: fromChTime(x.last_received), seen: x.seen, tail: x.tail, kinds: x.kinds as EventKind[] }));
}
