import * as K from '../event-kinds';
import type { ReportQuery } from '../../reports/report-query';
import { RAW_EDGES, splitParams, tenantSql, type Sql } from './report-sql';

export const QUARTER_HOUR_MS = 15 * 60e3;

/** The counts activity_totals_15m keeps, computed from raw events (same predicates as its view, clickhouse/0014). */
const RAW_COUNTS = `count() AS events,
	countIf(${K.SIGN_IN}) AS sign_ins,
	countIf(${K.FAILED_SIGN_IN}) AS failed_sign_ins,
	countIf(${K.EXPORT}) AS exports,
	sumIf(records, ${K.EXPORT}) AS exported_records,
	sumIf(bytes, ${K.EXPORT}) AS exported_bytes,
	countIf(${K.PRIVILEGE_CHANGE}) AS privilege_changes,
	countIf(${K.CONFIG_CHANGE}) AS configuration_changes,
	countIf(${K.DELETION}) AS deletions,
	sumIf(${K.DELETED_ITEMS}, ${K.DELETION}) AS deleted_items`;

export const ACTIVITY_COLUMNS = ['events', 'sign_ins', 'failed_sign_ins', 'exports', 'exported_records', 'exported_bytes', 'privilege_changes', 'configuration_changes', 'deletions', 'deleted_items'] as const;

/**
 * Rows (bucket, category, counts...) covering exactly [from, to): whole quarter hours from the
 * activity_totals_15m rollup, the partial ones at either end from the raw events, grouped the
 * same way. Callers aggregate again (merges are asynchronous, and edges repeat buckets).
 */
export function activitySource(q: ReportQuery): Sql {
	const t = tenantSql(q);
	return {
		params: { ...t.params, ...splitParams(q, QUARTER_HOUR_MS) },
		sql: `SELECT bucket, category, ${ACTIVITY_COLUMNS.join(', ')} FROM activity_totals_15m
			WHERE ${t.sql} AND bucket >= {wholeFrom:DateTime64(3)} AND bucket < {wholeTo:DateTime64(3)}
			UNION ALL
			SELECT toStartOfFifteenMinutes(occurred_at) AS bucket, category, ${RAW_COUNTS}
			FROM events
			WHERE ${t.sql} AND ${RAW_EDGES}
			GROUP BY bucket, category`
	};
}
