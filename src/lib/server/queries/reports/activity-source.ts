import * as K from '../event-kinds';
import type { ReportQuery } from '../../reports/report-query';
import { RAW_EDGES, splitParams, tenantSql, type Sql } from './report-sql';

export const QUARTER_HOUR_MS = 15 * 60e3;

/** The counts activity_15m keeps, computed from raw events (same predicates as its view, clickhouse/0012). */
const RAW_COUNTS = `count() AS events,
	countIf(outcome = 'success') AS ok_events,
	countIf(${K.SIGN_IN}) AS sign_ins,
	countIf(${K.FAILED_SIGN_IN}) AS failed_sign_ins,
	countIf(${K.EXPORT}) AS exports,
	sumIf(records, ${K.EXPORT}) AS exported_records,
	sumIf(bytes, ${K.EXPORT}) AS exported_bytes,
	countIf(${K.PRIVILEGE_CHANGE}) AS privilege_changes,
	countIf(${K.CONFIG_CHANGE}) AS configuration_changes,
	countIf(${K.DELETION}) AS deletions,
	sumIf(${K.DELETED_ITEMS}, ${K.DELETION}) AS deleted_items`;

export const ACTIVITY_COLUMNS = [
	'events',
	'ok_events',
	'sign_ins',
	'failed_sign_ins',
	'exports',
	'exported_records',
	'exported_bytes',
	'privilege_changes',
	'configuration_changes',
	'deletions',
	'deleted_items'
] as const;

/**
 * Rows (bucket, category, actor, counts...) covering exactly [from, to): whole quarter hours from
 * the activity_15m rollup, the partial ones at either end from the raw events, grouped the same
 * way. Callers aggregate again (the rollup's merges are asynchronous, and edges repeat buckets).
 * `extra` narrows both halves alike, given the actor expression of each (it may use category too).
 */
export function activitySource(q: ReportQuery, extra: (actor: string) => string = () => '1'): Sql {
	const t = tenantSql(q);
	const cols = ACTIVITY_COLUMNS.join(', ');
	return {
		params: { ...t.params, ...splitParams(q, QUARTER_HOUR_MS) },
		sql: `SELECT bucket, category, actor, ${cols} FROM activity_15m
			WHERE ${t.sql} AND bucket >= {wholeFrom:DateTime64(3)} AND bucket < {wholeTo:DateTime64(3)} AND (${extra('actor')})
			UNION ALL
			SELECT toStartOfFifteenMinutes(occurred_at) AS bucket, category, ${K.ACCOUNT} AS actor, ${RAW_COUNTS}
			FROM events
			WHERE ${t.sql} AND ${RAW_EDGES} AND (${extra(K.ACCOUNT)})
			GROUP BY bucket, category, actor`
	};
}
