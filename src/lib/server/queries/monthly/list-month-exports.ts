import { z } from 'zod';
import { query } from '../../clickhouse/query';
import { ACCOUNT, EXPORT } from '../event-kinds';
import { ACTOR_LABEL, chIso, MONTH_WHERE, monthParams, type MonthScope } from './month-where';

const ByUser = z
	.object({ account: z.string(), actor: z.string(), exports: z.coerce.number(), totalRecords: z.coerce.number(), totalBytes: z.coerce.number() })
	.transform(({ totalRecords, totalBytes, ...r }) => ({ ...r, records: totalRecords, bytes: totalBytes }));

// Aliases differ from the column names: the client reads with prefer_column_name_to_alias.

/** Exports per user, most records first. */
export function listExportsByUser(s: MonthScope, limit: number) {
	return query({
		name: 'monthly.listExportsByUser',
		row: ByUser,
		params: { ...monthParams(s), limit },
		sql: `SELECT ${ACCOUNT} AS account, any(${ACTOR_LABEL}) AS actor, count() AS exports, sum(records) AS "totalRecords", sum(bytes) AS "totalBytes"
			FROM events WHERE ${MONTH_WHERE} AND ${EXPORT}
			GROUP BY account ORDER BY "totalRecords" DESC, "totalBytes" DESC, account LIMIT {limit:UInt32}`
	});
}

const Export = z.object({
	id: z.string(),
	occurredAt: z.string().transform(chIso),
	actor: z.string(),
	target: z.string(),
	records: z.coerce.number(),
	bytes: z.coerce.number(),
	format: z.string()
});
export type ExportRow = z.infer<typeof Export>;

/** Single exports, largest first; with a large limit, every export of the month for the CSV. */
export function listExports(s: MonthScope, limit: number, order: 'largest' | 'time') {
	return query({
		name: `monthly.listExports.${order}`,
		row: Export,
		params: { ...monthParams(s), limit },
		sql: `SELECT toString(id) AS id, toString(occurred_at) AS "occurredAt", ${ACTOR_LABEL} AS actor,
				multiIf(target_name != '', target_name, target_type != '', concat(target_type, ' ', target_id), action) AS target,
				records, bytes, JSONExtractString(details, 'format') AS format
			FROM events WHERE ${MONTH_WHERE} AND ${EXPORT}
			ORDER BY ${order === 'largest' ? 'records DESC, bytes DESC, occurred_at' : 'occurred_at, id'} LIMIT {limit:UInt32}`
	});
}
