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
		sql: `SELECT tupleElement(pair, 1) AS field, tupleElement(pair, 2) AS value
			FROM events
			ARRAY JOIN [('action', action), ('actor', if(actor_email != '', actor_email, actor_id)), ('source', source)] AS pair
			WHERE ${where.sql} AND tupleElement(pair, 2) != ''
			GROUP BY field, value
			ORDER BY field, count() DESC, value LIMIT {top:UInt32} BY field`
	});
	const of = (f: string) => rows.filter((r) => r.field === f).map((r) => r.value);
	return { actions: of('action'), actors: of('actor'), sources: of('source') };
}
