import { query } from '../../clickhouse/query';
import { toChTime } from '../../ingest/prepare';
import { EVENT_COLUMNS, EventDbRow } from '../events/event-columns';

/**
 * One page of a tenant's events with occurred_at in [from, to), every column a verification
 * recomputes, in seal order after the keyset `after` (occurred_at as stored, then the id's text).
 * Pages, not one stream: a streamed result holds the embedded engine (ARCHITECTURE.md).
 */
export function listPeriodEvents(r: { tenant: string; from: Date; to: Date; after: { at: string; id: string } | null; limit: number }): Promise<EventDbRow[]> {
	return query({
		name: 'seals.listPeriodEvents',
		row: EventDbRow,
		params: { tenant: r.tenant, from: toChTime(r.from), to: toChTime(r.to), afterAt: r.after?.at ?? '1970-01-01 00:00:00.000', afterId: r.after?.id ?? '', limit: r.limit },
		sql: `SELECT ${EVENT_COLUMNS} FROM events
			WHERE tenant = {tenant:String} AND occurred_at >= {from:DateTime64(3)} AND occurred_at < {to:DateTime64(3)}
			  AND (occurred_at, toString(id)) > ({afterAt:DateTime64(3)}, {afterId:String})
			ORDER BY occurred_at, toString(id) LIMIT {limit:UInt32}`
	});
}
