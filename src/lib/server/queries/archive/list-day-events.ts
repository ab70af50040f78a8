import { query } from '../../clickhouse/query';
import { SECURITY_CATEGORIES } from '../../ingest/retention-days';
import type { Cursor } from '../events/cursor';
import { EVENT_COLUMNS, EventDbRow } from '../events/event-columns';
import type { RetentionClass } from './list-archivable-days';

/** One page of a day's events of a retention class, oldest first, after a keyset position. */
export async function listDayEvents(day: string, retentionClass: RetentionClass, after: Cursor | null, limit: number) {
	return query({
		name: 'archive.listDayEvents',
		row: EventDbRow,
		params: {
			day,
			security: [...SECURITY_CATEGORIES],
			isSecurity: retentionClass === 'security' ? 1 : 0,
			at: after?.at ?? '1970-01-01 00:00:00.000',
			id: after?.id ?? '00000000-0000-0000-0000-000000000000',
			first: after ? 0 : 1,
			limit
		},
		sql: `SELECT ${EVENT_COLUMNS} FROM events
			WHERE occurred_at >= toDateTime64({day:Date}, 3, 'UTC') AND occurred_at < toDateTime64({day:Date} + 1, 3, 'UTC')
			  AND (category IN {security:Array(String)}) = {isSecurity:UInt8}
			  AND ({first:UInt8} = 1 OR occurred_at > {at:DateTime64(3)} OR (occurred_at = {at:DateTime64(3)} AND id > {id:UUID}))
			ORDER BY occurred_at, id
			LIMIT {limit:UInt32}`
	});
}
