import type { EventFilter } from '../../../schemas/event-filter';
import { query } from '../../clickhouse/query';
import { encodeCursor } from './cursor';
import { EVENT_COLUMNS, EventDbRow, toEventOutput, type EventOutput } from './event-columns';
import { buildEventWhere, type TenantScope } from './event-where';

export interface EventPage {
	events: EventOutput[];
	/** Older events follow: pass as `cursor`. */
	next_cursor: string | null;
	/** Newer events precede this page: pass as `cursor` with `dir=prev`. */
	prev_cursor: string | null;
}

/** One page of the filtered timeline, newest first, by keyset on (occurred_at, id). */
export async function listEvents(scope: TenantScope, filter: EventFilter, now: Date, opts: { signal?: AbortSignal; actorOnly?: string } = {}): Promise<EventPage> {
	const where = buildEventWhere(filter, scope, now, { actorOnly: opts.actorOnly });
	const prev = !!filter.cursor && filter.dir === 'prev';
	const rows = await query({
		name: 'events.listEvents',
		row: EventDbRow,
		params: { ...where.params, limit: filter.limit + 1 },
		signal: opts.signal,
		sql: `SELECT ${EVENT_COLUMNS} FROM events
			WHERE ${where.sql}
			ORDER BY occurred_at ${prev ? 'ASC' : 'DESC'}, id ${prev ? 'ASC' : 'DESC'}
			LIMIT {limit:UInt32}`
	});
	const more = rows.length > filter.limit;
	const kept = more ? rows.slice(0, filter.limit) : rows;
	// A previous page is read oldest first from its cursor, then shown newest first like any other.
	const page = prev ? kept.reverse() : kept;
	const cursorOf = (r: EventDbRow | undefined) => (r ? encodeCursor({ at: r.occurred_at, id: r.id }) : null);
	const first = page[0];
	const last = page[page.length - 1];
	return {
		events: page.map(toEventOutput),
		next_cursor: prev ? cursorOf(last) : more ? cursorOf(last) : null,
		prev_cursor: prev ? (more ? cursorOf(first) : null) : filter.cursor ? cursorOf(first) : null
	};
}
