import type { UnusualExporter } from '../../reports/security-report-types';

/**
 * "Far above their own usual volume", precisely: an account's exported records in the period
 * compared with its daily average over the 30 days before the period, scaled to the period's
 * length. Flagged when the period holds at least UNUSUAL_MIN_RECORDS records and more than
 * UNUSUAL_FACTOR times that expectation. An account active in those 30 days (a sign-in or another
 * event of security_events) without exporting is flagged from UNUSUAL_MIN_RECORDS on (ratio null:
 * no usual volume); one with no such activity there has no history to judge by (a store a few
 * days old would flag everyone) and is not.
 */
export const BASELINE_DAYS = 30;
export const UNUSUAL_FACTOR = 3;
export const UNUSUAL_MIN_RECORDS = 1000;


const round = (x: number, digits = 1) => Math.round(x * 10 ** digits) / 10 ** digits;

export function unusualExporters(periodMs: number, current: { actor: string; records: number }[], baseline: { actor: string; records: number }[]): UnusualExporter[] {
	const before = new Map(baseline.map((b) => [b.actor, b.records]));
	const days = periodMs / 86400e3;
	return current
		.filter((c) => before.has(c.actor))
		.filter((c) => {
			const expected = ((before.get(c.actor) ?? 0) / BASELINE_DAYS) * days;
			return c.records >= UNUSUAL_MIN_RECORDS && c.records > UNUSUAL_FACTOR * expected;
		})
		.map((c) => {
			const daily = (before.get(c.actor) ?? 0) / BASELINE_DAYS;
			const expected = daily * days;
			return { actor: c.actor, records: c.records, usual_daily_records: round(daily), expected_records: round(expected), ratio: expected > 0 ? round(c.records / expected) : null };
		})
		.sort((a, b) => (b.ratio ?? Infinity) - (a.ratio ?? Infinity) || b.records - a.records);
}
