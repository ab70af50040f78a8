import { z } from 'zod';
import { query } from '../../clickhouse/query';
import { EXPORT } from '../event-kinds';
import { ACTOR_LABEL, MONTH_WHERE, monthParams, type MonthScope } from './month-where';
import { chTimeToIso } from '../../clickhouse/time';

const Export = z.object({
	id: z.string(),
	occurredAt: z.string().transform(chTimeToIso),
	actor: z.string(),
	target: z.string(),
	records: z.coerce.number(),
	bytes: z.coerce.number(),
	format: z.string()
});
export type ExportRow = z.infer<typeof Export>;

/** Every export of the period, oldest first, for the CSV attachment (the report's lists are capped). */
export function listExports(s: MonthScope, limit: number) {
	return query({
		name: 'monthly.listExports',
		row: Export,
		params: { ...monthParams(s), limit },
		sql: `SELECT toString(id) AS id, toString(occurred_at) AS "occurredAt", ${ACTOR_LABEL} AS actor,
				multiIf(target_name != '', target_name, target_type != '', concat(target_type, ' ', target_id), action) AS target,
				records, bytes, JSONExtractString(details, 'format') AS format
			FROM events WHERE ${MONTH_WHERE} AND ${EXPORT}
			ORDER BY occurred_at, id LIMIT {limit:UInt32}`
	});
}
