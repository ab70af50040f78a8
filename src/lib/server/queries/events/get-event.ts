import { query } from '../../clickhouse/query';
import { EVENT_COLUMNS, EventDbRow, toEventOutput, type EventOutput } from './event-columns';
import type { TenantScope } from './event-where';

/** One event by id within the caller's tenants; null when absent or not theirs (callers answer 404 alike). */
export async function getEvent(scope: TenantScope, id: string): Promise<EventOutput | null> {
	const rows = await query({
		name: 'events.getEvent',
		row: EventDbRow,
		params: { id, tenants: scope === '*' ? [] : scope, all: scope === '*' ? 1 : 0 },
		sql: `SELECT ${EVENT_COLUMNS} FROM events
			WHERE id = {id:UUID} AND ({all:UInt8} = 1 OR tenant IN {tenants:Array(String)})
			LIMIT 1`
	});
	return rows[0] ? toEventOutput(rows[0]) : null;
}
