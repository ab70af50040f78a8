import { z } from 'zod';
import { query } from '../../clickhouse/query';
import type { ReportQuery } from '../../reports/report-query';
import { DELETION_DRILL } from './kind-drill';
import { DeletionGroupFields, PERIOD, periodParams, tenantSql } from './report-sql';
import { securityEventsFrom } from './security-events-source';

const Row = z.object({
	key: z.string(),
	...DeletionGroupFields
});
export type DeletionGroup = z.infer<typeof Row>;

/** Deletions (DELETION) of the period per account or per entity type, most items first. */
export function listDeletionsBy(q: ReportQuery, by: 'actor' | 'target_type', limit: number) {
	const t = tenantSql(q);
	const se = securityEventsFrom(q);
	const key = by === 'actor' ? 'actor' : 'toString(target_type)';
	return query({
		name: 'reports.listDeletionsBy',
		row: Row,
		params: { ...t.params, ...se.params, ...periodParams(q), limit },
		sql: `SELECT ${key} AS key, count() AS deletions, sum(items) AS n_items, ${DELETION_DRILL}
			FROM ${se.sql}
			WHERE ${t.sql} AND kind = 'deletion' AND ${PERIOD}
			GROUP BY key ORDER BY n_items DESC, deletions DESC, key LIMIT {limit:UInt32}`
	});
}
