import { z } from 'zod';
import type { EventFilter } from '../../../schemas/event-filter';
import { query } from '../../clickhouse/query';
import { buildEventWhere, type TenantScope } from './event-where';
import { splitForRollup } from '../rollup-split';

/** Bucket widths a histogram may use, in seconds; `auto` picks one giving at most ~200 bars. */
export const INTERVALS = { '1m': 60, '5m': 300, '15m': 900, '1h': 3600, '3h': 10800, '12h': 43200, '1d': 86400 } as const;
export type Interval = keyof typeof INTERVALS;

export function pickInterval(from: Date, to: Date): Interval {
	const seconds = (to.getTime() - from.getTime()) / 1000;
	const fit = (Object.keys(INTERVALS) as Interval[]).find((k) => seconds / INTERVALS[k] <= 200);
	return fit ?? '1d';
}

/** Typed by unit, so day and hour buckets start at midnight and on the hour of the time zone. */
function intervalSql(i: Interval): string {
	const s = INTERVALS[i];
	if (s >= 86400) return `toIntervalDay(${s / 86400})`;
	if (s >= 3600) return `toIntervalHour(${s / 3600})`;
	return `toIntervalMinute(${s / 60})`;
}

const BucketRow = z.object({ t: z.string(), success: z.coerce.number(), failure: z.coerce.number(), pending: z.coerce.number() });

export interface Histogram {
	interval: Interval;
	timezone: string;
	buckets: { t: string; success: number; failure: number; pending: number }[];
	total: number;
}

/** The rollup holds tenant, time, category and outcome only; any other filter needs the raw events. */
const rollupCanAnswer = (f: EventFilter) =>
	!f.actor && f.action.length === 0 && !f.ip && !f.target_type && !f.target_id && !f.source && !f.q && f.f.length === 0;

const COUNTS = `countIf(outcome = 'success') AS success, countIf(outcome = 'failure') AS failure, countIf(outcome = 'pending') AS pending`;
const SUMS = `sumIf(events, outcome = 'success') AS success, sumIf(events, outcome = 'failure') AS failure, sumIf(events, outcome = 'pending') AS pending`;

/**
 * Event counts per time bucket, split by outcome, over the filtered set; buckets align to the time
 * zone. Whole minutes come from the events_volume_1m rollup when the filter allows it.
 */
export async function getHistogram(scope: TenantScope, filter: EventFilter, now: Date, opts: { interval?: Interval; timezone?: string; actorOnly?: string } = {}): Promise<Histogram> {
	const f = { ...filter, cursor: undefined };
	const all = buildEventWhere(f, scope, now, { actorOnly: opts.actorOnly });
	const interval = opts.interval ?? pickInterval(all.from, all.to);
	const timezone = opts.timezone ?? 'UTC';
	const bucket = (col: string) => `toStartOfInterval(${col}, ${intervalSql(interval)}, {tz:String})`;
	let sql: string;
	let params: Record<string, unknown>;
	if (rollupCanAnswer(f) && !opts.actorOnly) {
		const { whole } = splitForRollup(all.from, all.to, 60e3);
		const rolled = buildEventWhere(f, scope, now, { timeColumn: 'minute', within: whole });
		const raw = buildEventWhere(f, scope, now, { except: whole });
		// Each clause numbers its parameters from p0, so the rollup's are renamed apart.
		const rolledSql = rolled.sql.replace(/\{p(\d+):/g, '{r$1:');
		const rolledParams = Object.fromEntries(Object.entries(rolled.params).map(([k, v]) => [k.replace(/^p/, 'r'), v]));
		sql = `SELECT t, sum(success) AS success, sum(failure) AS failure, sum(pending) AS pending FROM (
				SELECT ${bucket('minute')} AS t, ${SUMS} FROM events_volume_1m WHERE ${rolledSql} GROUP BY t
				UNION ALL
				SELECT ${bucket('occurred_at')} AS t, ${COUNTS} FROM events WHERE ${raw.sql} GROUP BY t
			) GROUP BY t`;
		params = { ...raw.params, ...rolledParams };
	} else {
		sql = `SELECT ${bucket('occurred_at')} AS t, ${COUNTS} FROM events WHERE ${all.sql} GROUP BY t`;
		params = all.params;
	}
	const rows = await query({
		name: 'events.getHistogram',
		row: BucketRow,
		params: { ...params, tz: timezone },
		sql: `SELECT formatDateTime(t, '%Y-%m-%dT%H:%i:%S', 'UTC') || 'Z' AS t, success, failure, pending FROM (${sql}) ORDER BY t`
	});
	const buckets = rows.filter((r) => r.success + r.failure + r.pending > 0);
	return { interval, timezone, buckets, total: buckets.reduce((n, r) => n + r.success + r.failure + r.pending, 0) };
}
