import type { EventFilter } from '../../../schemas/event-filter';
import { query } from '../../clickhouse/query';
import { toChTime } from '../../clickhouse/time';
import { encodeCursor, type Cursor } from './cursor';
import { EVENT_COLUMNS, EventDbRow } from './event-columns';
import { buildEventWhere, type TenantScope } from './event-where';

/**
 * Sort first, read the other columns for the page's rows only (lazy materialization). The engine
 * does that up to a LIMIT of 10,000 by default; a page is larger. Measured on 300k events: a page
 * across tenants 184 -> 51 ms, within one tenant 65 -> 47 ms, less engine time taken from others.
 */
export const LAZY_PAGE = (limit: number) => ({ query_plan_max_limit_for_lazy_materialization: Math.max(limit, 10_000) });

export interface ExportPageOptions {
	/** Only events this person did (a member's view). */
	actorOnly?: string;
	/** The export's snapshot: events received from this instant on are left out of every page. */
	receivedBefore: Date;
	/** The last event of the previous page; null for the first page. */
	after: Cursor | null;
	limit: number;
	signal?: AbortSignal;
}

/**
 * One page of an export: the filtered set newest first by keyset on (occurred_at, id), as rows.
 * Unlike listEvents it pages far past the timeline's 1000 rows, never answers a cursor to the
 * client, and reads a snapshot so that every page and the count agree.
 */
export async function listExportPage(scope: TenantScope, filter: EventFilter, now: Date, o: ExportPageOptions): Promise<EventDbRow[]> {
	const where = buildEventWhere({ ...filter, cursor: o.after ? encodeCursor(o.after) : undefined }, scope, now, { actorOnly: o.actorOnly });
	return query({
		name: 'events.listExportPage',
		row: EventDbRow,
		params: { ...where.params, receivedBefore: toChTime(o.receivedBefore), limit: o.limit },
		signal: o.signal,
		settings: LAZY_PAGE(o.limit),
		sql: `SELECT ${EVENT_COLUMNS} FROM events
			WHERE ${where.sql}
			  AND received_at < {receivedBefore:DateTime64(3)}
			ORDER BY occurred_at DESC, id DESC
			LIMIT {limit:UInt32}`
	});
}
