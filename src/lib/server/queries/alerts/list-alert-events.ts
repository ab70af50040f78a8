import { query } from '../../clickhouse/query';
import { toChTime } from '../../clickhouse/time';
import { EVENT_COLUMNS, EventDbRow, toEventOutput, type EventOutput } from '../events/event-columns';

/** The events of an alert by id, within its tenant and period, oldest first. */
export async function listAlertEvents(a: { tenant: string; eventIds: readonly string[]; from: Date; to: Date }, limit = 100): Promise<EventOutput[]> {
	if (a.eventIds.length === 0) return [];
	const rows = await query({
		name: 'alerts.listAlertEvents',
		row: EventDbRow,
		params: { tenant: a.tenant, ids: a.eventIds.slice(0, limit), from: toChTime(a.from), to: toChTime(a.to), limit },
		sql: `SELECT ${EVENT_COLUMNS} FROM events
			WHERE tenant = {tenant:String} AND occurred_at >= {from:DateTime64(3)} AND occurred_at <= {to:DateTime64(3)} AND toString(id) IN {ids:Array(String)}
			ORDER BY occurred_at, id LIMIT {limit:UInt32}`
	});
	return rows.map(toEventOutput);
}
