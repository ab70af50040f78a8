import { z } from 'zod';
import type { EventFilter } from '../../../schemas/event-filter';
import { query } from '../../clickhouse/query';
import { toChTime } from '../../clickhouse/time';
import { buildEventWhere, type TenantScope } from './event-where';

const CountRow = z.object({ n: z.coerce.number() });

export interface CountOptions {
	actorOnly?: string;
	/** Count as of a snapshot: only events received before this instant (what an export will hold). */
	receivedBefore?: Date;
	signal?: AbortSignal;
}

/** How many events the filter selects, all of them: the size of an export before it starts. */
export async function countEvents(scope: TenantScope, filter: EventFilter, now: Date, o: CountOptions = {}): Promise<number> {
	const where = buildEventWhere({ ...filter, cursor: undefined }, scope, now, { actorOnly: o.actorOnly });
	const snapshot = o.receivedBefore ? 'AND received_at < {receivedBefore:DateTime64(3)}' : '';
	const [row] = await query({
		name: 'events.countEvents',
		row: CountRow,
		params: { ...where.params, ...(o.receivedBefore ? { receivedBefore: toChTime(o.receivedBefore) } : {}) },
		signal: o.signal,
		sql: `SELECT count() AS n FROM events WHERE ${where.sql} ${snapshot}`
	});
	return row?.n ?? 0;
}
