import type { EventFilter } from '../../../schemas/event-filter';
import { EVENT_COLUMNS } from './event-columns';
import { buildEventWhere, type TenantScope } from './event-where';
import { listTenants } from './list-tenants';

/** Past this many tenants one sort of the whole period is cheaper than a read per tenant. */
const MAX_TENANTS = 16;

/**
 * A page of several tenants' timeline as one read in order per tenant: each tenant's newest
 * `limit` rows (sorted by the primary key, so each branch stops after a granule or two), merged.
 * Without it a page across tenants sorts every event of the period (measured at 1M events: 53 ms
 * against 29 ms). Null when the page is one tenant's, or there are too many tenants.
 */
export async function newestPerTenantSql(filter: EventFilter, scope: TenantScope, now: Date, o: { actorOnly?: string; ascending: boolean }) {
	if (filter.tenant) return null;
	const tenants = scope === '*' ? await listTenants() : scope;
	if (tenants.length < 2 || tenants.length > MAX_TENANTS) return null;
	const order = o.ascending ? 'ASC' : 'DESC';
	const params: Record<string, unknown> = {};
	const branches = tenants.map((tenant, i) => {
		const w = buildEventWhere({ ...filter, tenant }, scope, now, { actorOnly: o.actorOnly });
		for (const [k, v] of Object.entries(w.params)) params[`t${i}${k}`] = v;
		const sql = w.sql.replace(/\{([A-Za-z_][A-Za-z0-9_]*):/g, `{t${i}$1:`);
		// occurred_at and id are the columns here (prefer_column_name_to_alias): the keyset's own order.
		return `(SELECT ${EVENT_COLUMNS}, occurred_at AS key_at, id AS key_id FROM events
			WHERE ${sql}
			ORDER BY occurred_at ${order}, id ${order}
			LIMIT {limit:UInt32})`;
	});
	return {
		params,
		sql: `SELECT * EXCEPT (key_at, key_id) FROM (${branches.join('\n\t\tUNION ALL\n\t\t')})
		ORDER BY key_at ${order}, key_id ${order}
		LIMIT {limit:UInt32}`
	};
}
