import { z } from 'zod';
import type { EventFilter } from '../../../schemas/event-filter';
import { query } from '../../clickhouse/query';
import { buildEventWhere, type TenantScope, type WhereClause } from './event-where';

/** The keys of the newest events a lookup table found, to be read from `events` by primary key. */
export interface LookupKeys {
	tenants: string[];
	ats: string[];
	ids: string[];
}

const KeyRow = z.object({ tenant: z.string(), at: z.string(), id: z.string() });

/**
 * Whether a lookup table alone decides which events a page holds: an actor or an IP filter with
 * nothing else beside tenant, period and cursor. With any other condition the newest N keys of
 * the table need not be the newest N events of the filter, so the plain scan runs instead.
 */
function lookupOf(f: EventFilter, actorOnly?: string): 'actor' | 'ip' | null {
	if (actorOnly || !!f.actor === !!f.ip) return null;
	const other = f.action.length || f.category.length || f.outcome.length || f.kind.length || f.off_hours || f.f.length || f.target_type || f.target_id || f.source || f.q;
	if (other) return null;
	return f.actor ? 'actor' : 'ip';
}

/** Numbered parameters of a second clause, renamed so that they cannot meet the first's. */
function renamed(w: WhereClause, prefix: string): { sql: string; params: Record<string, unknown> } {
	return {
		sql: w.sql.replace(/\{p(\d+):/g, `{${prefix}$1:`),
		params: Object.fromEntries(Object.entries(w.params).map(([k, v]) => [k.replace(/^p/, prefix), v]))
	};
}

/**
 * The (tenant, occurred_at, id) of the page's events, newest first (oldest first for `dir=prev`),
 * from events_by_actor or events_by_ip (clickhouse/0030_event_lookups.sql); null when no lookup
 * table can answer the filter.
 */
export async function lookupPageKeys(scope: TenantScope, filter: EventFilter, now: Date, o: { limit: number; actorOnly?: string; signal?: AbortSignal }): Promise<LookupKeys | null> {
	const kind = lookupOf(filter, o.actorOnly);
	if (!kind) return null;
	const prev = !!filter.cursor && filter.dir === 'prev';
	const order = prev ? 'ASC' : 'DESC';
	let table = 'events_by_ip';
	let where = renamed(buildEventWhere(filter, scope, now), 'k');
	if (kind === 'actor') {
		// The table keeps the actor id as sent and the email lowered: the filter's two comparisons.
		table = 'events_by_actor';
		where = renamed(buildEventWhere({ ...filter, actor: undefined }, scope, now), 'k');
		where.sql += `\n  AND ((kind = 'id' AND actor = {actorId:String}) OR (kind = 'email' AND actor = {actorEmail:String}))`;
		where.params = { ...where.params, actorId: filter.actor, actorEmail: filter.actor!.toLowerCase() };
	}
	const rows = await query({
		name: `events.lookupPageKeys.${kind}`,
		row: KeyRow,
		params: { ...where.params, limit: o.limit },
		signal: o.signal,
		sql: `SELECT tenant, toString(occurred_at) AS at, toString(id) AS id FROM ${table}
			WHERE ${where.sql}
			ORDER BY occurred_at ${order}, id ${order}
			LIMIT {limit:UInt32}`
	});
	return { tenants: rows.map((r) => r.tenant), ats: rows.map((r) => r.at), ids: rows.map((r) => r.id) };
}

/** The condition that reads exactly the looked-up events, by primary key. */
export const LOOKUP_CONDITION = `(tenant, occurred_at, id) IN (SELECT arrayJoin(arrayZip({lkTenants:Array(String)}, {lkAts:Array(DateTime64(3))}, {lkIds:Array(UUID)})))`;

export const lookupParams = (k: LookupKeys) => ({ lkTenants: k.tenants, lkAts: k.ats, lkIds: k.ids });
