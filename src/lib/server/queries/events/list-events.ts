import type { EventFilter } from '../../../schemas/event-filter';
import { query } from '../../clickhouse/query';
import { encodeCursor } from './cursor';
import { EVENT_COLUMNS, EventDbRow, toEventOutput, type EventOutput } from './event-columns';
import { buildEventWhere, type TenantScope } from './event-where';

export interface EventPage {
	events: EventOutput[];
	next_cursor: string | null;
}

/** One page of the filtered timeline, newest first, by keyset on (occurred_at, id). */
export async function listEvents(scope: TenantScope, filter: EventFilter, now: Date, opts: { signal?: AbortSignal; actorOnly?: string } = {}): Promise<EventPage> {
	const where = buildEventWhere(filter, scope, now, { actorOnly: opts.actorOnly });
	const rows = await query({
		name: 'events.listEvents',
		row: EventDbRow,
		params: { ...where.params, limit: filter.limit + 1 },
		signal: opts.signal,
		sql: `SELECT ${EVENT_COLUMNS} FROM events
			WHERE ${where.sql}
			ORDER BY occurred_at DESC, id DESC
			LIMIT {limit:UInt32}`
	});
	const more = rows.length > filter.limit;
	const page = more ? rows.slice(0, filter.limit) : rows;
	const last = page[page.length - 1];
	return { events: page.map(toEventOutput), next_cursor: more && last ? encodeCursor({ at: last.occurred_at, id: last.id }) : null };
}
