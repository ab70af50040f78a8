import type { ReportRuleSettings, UnusualExporter } from '../../reports/security-report-types';

/**
 * "Far above their own usual volume", with the unusual_export_volume rule's current settings: an
 * account's exported records in the period compared with its daily average over the rule's
 * baseline days before the period, scaled to the period's length. Flagged when the period holds at
 * least the rule's minimum of records and more than its factor times that expectation. An account
 * active in the baseline (a sign-in or another event of security_events) without exporting is
 * flagged from the minimum on (ratio null: no usual volume); one with no such activity there has no
 * history to judge by (a store a few days old would flag everyone) and is not.
 */
const round = (x: number, digits = 1) => Math.round(x * 10 ** digits) / 10 ** digits;

export function unusualExporters(
	s: ReportRuleSettings['unusual_exports'],
	periodMs: number,
	current: { actor: string; records: number }[],
	baseline: { actor: string; records: number }[]
): UnusualExporter[] {
	const before = new Map(baseline.map((b) => [b.actor, b.records]));
	const days = periodMs / 86400e3;
	return current
		.filter((c) => before.has(c.actor))
		.map((c) => {
			const daily = (before.get(c.actor) ?? 0) / s.baseline_days;
			return { c, daily, expected: daily * days };
		})
		.filter(({ c, expected }) => c.records >= s.min_records && c.records > s.factor * expected)
		.map(({ c, daily, expected }) => ({ actor: c.actor, records: c.records, usual_daily_records: round(daily), expected_records: round(expected), ratio: expected > 0 ? round(c.records / expected) : null }))
		.sort((a, b) => (b.ratio ?? Infinity) - (a.ratio ?? Infinity) || b.records - a.records);
}
