import { ACTIVITY_COUNTS } from '../kind-views';
import type { ReportQuery } from '../../reports/report-query';
import { filtersOf, RAW_EDGES, splitParams, subjectSql, tenantSql, type Sql } from './report-sql';

export const QUARTER_HOUR_MS = 15 * 60e3;

export const ACTIVITY_COLUMNS = ['events', 'sign_ins', 'failed_sign_ins', 'exports', 'exported_records', 'exported_bytes', 'privilege_changes', 'configuration_changes', 'deletions', 'deleted_items'] as const;

/**
 * Rows (bucket, category, counts...) covering exactly [from, to): whole quarter hours from the
 * activity_totals_15m rollup, the partial ones at either end from the raw events, grouped the
 * same way. Callers aggregate again (merges are asynchronous, and edges repeat buckets). The
 * rollup keeps no address, user or source: a filtered report reads the events alone.
 */
export function activitySource(q: ReportQuery): Sql {
	const t = tenantSql(q);
	const f = subjectSql(q);
	return {
		params: { ...t.params, ...f.params, ...splitParams(q, QUARTER_HOUR_MS, filtersOf(q).length === 0) },
		sql: `SELECT bucket, category, ${ACTIVITY_COLUMNS.join(', ')} FROM activity_totals_15m
			WHERE ${t.sql} AND bucket >= {wholeFrom:DateTime64(3)} AND bucket < {wholeTo:DateTime64(3)}
			UNION ALL
			SELECT toStartOfFifteenMinutes(occurred_at) AS bucket, category, ${ACTIVITY_COUNTS}
			FROM events
			WHERE ${t.sql} AND ${RAW_EDGES} AND ${f.sql}
			GROUP BY bucket, category`
	};
}
