import { DateTime } from 'luxon';

export type SeriesUnit = 'hour' | 'day';

/** Hours for up to two days (48 bars at most), days beyond. */
export const seriesUnit = (from: Date, to: Date): SeriesUnit => (to.getTime() - from.getTime() <= 2 * 86400e3 ? 'hour' : 'day');

export interface SeriesBucket {
	/** Where the bucket starts in UTC, as the database prints it (`2026-10-25T00:00:00Z`): the key to match rows. */
	key: string;
	/** The part of the bucket inside the period, ISO in the report's zone: what a drill-down reads. */
	from: string;
	to: string;
}

/** A time in ISO 8601 with the zone's offset (`2026-10-25T02:30:00.000+01:00`, `...Z` in UTC). */
export const isoIn = (d: Date, zone: string): string => DateTime.fromJSDate(d, { zone }).toISO()!;

/**
 * Every bucket of [from, to) in the zone, empty ones included, so a chart shows quiet time as
 * zero rather than skipping it. Days are calendar days there (23 or 25 hours across a
 * daylight-saving change), hours are absolute hours (a repeated 02:00 appears twice).
 */
export function seriesBuckets(from: Date, to: Date, zone: string, unit: SeriesUnit): SeriesBucket[] {
	const out: SeriesBucket[] = [];
	let start = DateTime.fromJSDate(from, { zone }).startOf(unit);
	while (start.toMillis() < to.getTime()) {
		const next = unit === 'day' ? start.plus({ days: 1 }).startOf('day') : start.plus({ hours: 1 });
		const a = new Date(Math.max(start.toMillis(), from.getTime()));
		const b = new Date(Math.min(next.toMillis(), to.getTime()));
		out.push({ key: `${start.toUTC().toISO({ suppressMilliseconds: true })}`, from: isoIn(a, zone), to: isoIn(b, zone) });
		start = next;
	}
	return out;
}

/** Rows keyed by bucket start, spread over every bucket of the period (missing ones as zeros). */
export function fillSeries<R extends { t: string }, V>(buckets: SeriesBucket[], rows: R[], value: (r: R | undefined) => V): ({ from: string; to: string } & V)[] {
	const byKey = new Map(rows.map((r) => [r.t, r]));
	return buckets.map((b) => ({ from: b.from, to: b.to, ...value(byKey.get(b.key)) }));
}
