import { z } from 'zod';
import { query } from '../../clickhouse/query';
import type { ReportQuery } from '../../reports/report-query';
import { activitySource } from './activity-source';

const n = z.coerce.number();
const Row = z.object({ actor: z.string(), events: n, exports: n, records: n, bytes: n });
export type ExportsByUser = z.infer<typeof Row>;

/**
 * Exports (EXPORT) per account, most records first, `limit` rows. With `actors` (their usual
 * volume), only those accounts, and also those active without exporting (events > 0, exports 0).
 */
export function listExportsByUser(q: ReportQuery, opts: { limit: number; actors?: string[] }) {
	const src = activitySource(q, (actor) => (opts.actors ? `${actor} IN {actors:Array(String)}` : '1'));
	return query({
		name: 'reports.listExportsByUser',
		row: Row,
		params: { ...src.params, actors: opts.actors ?? [], limit: opts.limit },
		// Aliases differ from the rollup's columns: with prefer_column_name_to_alias, HAVING and ORDER BY would read the column.
		sql: `SELECT actor, e AS events, n AS exports, r AS records, b AS bytes FROM (
				SELECT actor, sum(events) AS e, sum(exports) AS n, sum(exported_records) AS r, sum(exported_bytes) AS b
				FROM (${src.sql})
				GROUP BY actor HAVING ${opts.actors ? 'e > 0' : 'n > 0'}
			) ORDER BY records DESC, exports DESC, actor LIMIT {limit:UInt32}`
	});
}
