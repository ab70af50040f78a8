import { z } from 'zod';
import type { EventFilter } from '../../../schemas/event-filter';
import { query } from '../../clickhouse/query';
import { buildEventWhere, type TenantScope } from './event-where';

const Row = z.object({ field: z.enum(['action', 'actor', 'source']), value: z.string() });

export interface FilterSuggestions {
	actions: string[];
	actors: string[];
	sources: string[];
}

/**
 * What the filter fields suggest: the actions, users and sources seen in the period and tenant
 * (the other filters left out, so a suggestion can widen as well as narrow), most frequent first.
 */
export async function listFilterSuggestions(scope: TenantScope, filter: EventFilter, now: Date, o: { actorOnly?: string; limit?: number } = {}): Promise<FilterSuggestions> {
	const where = buildEventWhere({ from: filter.from, to: filter.to, tenant: filter.tenant, action: [], category: [], outcome: [], kind: [], f: [], limit: 1 }, scope, now, { actorOnly: o.actorOnly });
	const rows = await query({
		name: 'events.listFilterSuggestions',
		row: Row,
		params: { ...where.params, top: o.limit ?? 100 },
		sql: `SELECT field, value FROM (
				SELECT arrayJoin([('action', action), ('actor', if(actor_email != '', actor_email, actor_id)), ('source', source)]) AS pair,
					pair.1 AS field, pair.2 AS value, count() AS n
				FROM events WHERE ${where.sql}
				GROUP BY field, value HAVING value != ''
				ORDER BY field, n DESC, value LIMIT {top:UInt32} BY field
			)`
	});
	const of = (f: string) => rows.filter((r) => r.field === f).map((r) => r.value);
	return { actions: of('action'), actors: of('actor'), sources: of('source') };
}
