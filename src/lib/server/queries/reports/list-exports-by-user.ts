import { z } from 'zod';
import { query } from '../../clickhouse/query';
import type { ReportQuery } from '../../reports/report-query';
import { PERIOD, periodParams, tenantSql } from './report-sql';
import { securityEventsFrom } from './security-events-source';

const n = z.coerce.number();
const Row = z.object({ actor: z.string(), events: n, exports: n, records: n, bytes: n });
export type ExportsByUser = z.infer<typeof Row>;

/**
 * Exports (EXPORT, from security_events) per account, most records first, `limit` rows. With
 * `actors` (their usual volume), only those accounts, and also those that only signed in or did
 * another security-relevant thing then (`events` > 0, `exports` 0): they were active.
 */
export function listExportsByUser(q: ReportQuery, opts: { limit: number; actors?: string[] }) {
	const t = tenantSql(q);
	const se = securityEventsFrom(q);
	const which = opts.actors ? `actor IN {actors:Array(String)}` : `kind = 'export'`;
	return query({
		name: 'reports.listExportsByUser',
		row: Row,
		params: { ...t.params, ...se.params, ...periodParams(q), actors: opts.actors ?? [], limit: opts.limit },
		// Aliases differ from the table's columns: with prefer_column_name_to_alias, ORDER BY would read the column.
		sql: `SELECT actor, e AS events, x AS exports, r AS records, b AS bytes FROM (
				SELECT actor, count() AS e, countIf(kind = 'export') AS x, sumIf(records, kind = 'export') AS r, sumIf(bytes, kind = 'export') AS b
				FROM ${se.sql}
				WHERE ${t.sql} AND ${PERIOD} AND ${which}
				GROUP BY actor
			) ORDER BY records DESC, exports DESC, actor LIMIT {limit:UInt32}`
	});
}
