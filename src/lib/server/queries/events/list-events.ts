import type { EventFilter } from '../../../schemas/event-filter';
import { query } from '../../clickhouse/query';
import { encodeCursor } from './cursor';
import { EVENT_COLUMNS, EventDbRow, toEventOutput, type EventOutput } from './event-columns';
import { LOOKUP_CONDITION, lookupPageKeys, lookupParams } from './event-lookup';
import { buildEventWhere, type TenantScope } from './event-where';
import { newestPerTenantSql } from './newest-per-tenant';
import { readInWindows } from './read-in-windows';
import { toChTime } from '../../clickhouse/time';

export interface EventPage {
	events: EventOutput[];
	/** Older events follow: pass as `cursor`. */
	next_cursor: string | null;
	/** Newer events precede this page: pass as `cursor` with `dir=prev`. */
	prev_cursor: string | null;
}

/** The SQL of a timeline page: the newest rows of the condition (the oldest after the cursor of a previous page). */
export const timelinePageSql = (condition: string, ascending: boolean) => `SELECT ${EVENT_COLUMNS} FROM events
			WHERE ${condition}
			ORDER BY occurred_at ${ascending ? 'ASC' : 'DESC'}, id ${ascending ? 'ASC' : 'DESC'}
			LIMIT {limit:UInt32}`;

/** One page of the filtered timeline, newest first, by keyset on (occurred_at, id). */
export async function listEvents(scope: TenantScope, filter: EventFilter, now: Date, opts: { signal?: AbortSignal; actorOnly?: string } = {}): Promise<EventPage> {
	const where = buildEventWhere(filter, scope, now, { actorOnly: opts.actorOnly });
	const prev = !!filter.cursor && filter.dir === 'prev';
	const limit = filter.limit + 1;
	const read = (lookup: string, params: Record<string, unknown>, settings?: Record<string, number>) =>
		query({
			name: lookup ? 'events.listEvents.byKeys' : 'events.listEvents',
			row: EventDbRow,
			params: { limit, ...where.params, ...params },
			signal: opts.signal,
			settings,
			sql: timelinePageSql(`${where.sql}${lookup}`, prev)
		});
	// A page of the whole period in one read, unless a condition picks rows out (then stretch by
	// stretch, newest first: see readInWindows). The plain timeline's read in order needs no help.
	const picky = filter.q || filter.f.length || filter.action.length || filter.category.length || filter.outcome.length || filter.actor || filter.ip || filter.target_type || filter.target_id || filter.source || opts.actorOnly;
	const windowSql = `\n  AND occurred_at >= {wFrom:DateTime64(3)} AND occurred_at < {wTo:DateTime64(3)}`;
	const plain = async () => {
		const perTenant = await newestPerTenantSql(filter, scope, now, { actorOnly: opts.actorOnly, ascending: prev });
		if (!perTenant) return read('', {});
		return query({ name: 'events.listEvents.perTenant', row: EventDbRow, params: { limit, ...perTenant.params }, signal: opts.signal, sql: perTenant.sql });
	};
	const scan = () =>
		picky
			? readInWindows((w, n) => read(windowSql, { wFrom: toChTime(w.from), wTo: toChTime(w.to), limit: n }), where, { limit, cursor: filter.cursor, ascending: prev })
			: plain();
	// An actor or IP page: its keys from a lookup table, then those rows by primary key (a read in
	// order would walk many small ranges; the skip indexes would only re-check what the keys say).
	const keys = await lookupPageKeys(scope, filter, now, { limit, actorOnly: opts.actorOnly, signal: opts.signal });
	let rows = keys && keys.ids.length > 0 ? await read(`\n  AND ${LOOKUP_CONDITION}`, lookupParams(keys), { optimize_read_in_order: 0, use_skip_indexes: 0 }) : [];
	// The events re-check every condition; when they disagree with the lookup table (its TTL
	// deletes and merges run apart from the events'), the plain scan decides.
	if (!keys || rows.length !== keys.ids.length) rows = await scan();
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
