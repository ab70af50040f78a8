import { z } from 'zod';
import type { EventFilter } from '../../../schemas/event-filter';
import { query } from '../../clickhouse/query';
import { buildEventWhere, type TenantScope } from './event-where';

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

/** Event counts per time bucket, split by outcome, over the filtered set; buckets align to the time zone. */
export async function getHistogram(scope: TenantScope, filter: EventFilter, now: Date, opts: { interval?: Interval; timezone?: string } = {}): Promise<Histogram> {
	const where = buildEventWhere({ ...filter, cursor: undefined }, scope, now);
	const interval = opts.interval ?? pickInterval(where.from, where.to);
	const timezone = opts.timezone ?? 'UTC';
	const rows = await query({
		name: 'events.getHistogram',
		row: BucketRow,
		params: { ...where.params, tz: timezone },
		sql: `SELECT formatDateTime(toStartOfInterval(occurred_at, ${intervalSql(interval)}, {tz:String}), '%Y-%m-%dT%H:%i:%S', 'UTC') || 'Z' AS t,
				countIf(outcome = 'success') AS success, countIf(outcome = 'failure') AS failure, countIf(outcome = 'pending') AS pending
			FROM events
			WHERE ${where.sql}
			GROUP BY t ORDER BY t`
	});
	return { interval, timezone, buckets: rows, total: rows.reduce((n, r) => n + r.success + r.failure + r.pending, 0) };
}
