import { describeRule } from '../../rules/describe';
import type { RuleStats } from '../queries/rules/list-rule-stats';
import type { StoredRule } from './rule-store';
import { chTimeToIso } from '../clickhouse/time';

/** A rule as the API and the rules page show it, with how its evaluations went (last 7 days). */
export function toRuleJson(s: StoredRule, stats: RuleStats | undefined, now: Date) {
	const r = s.rule;
	// An empty text is a time that never happened (no run yet, no error).
	const iso = (ch: string) => (ch ? chTimeToIso(ch) : null);
	const watermark = stats ? iso(stats.watermark) : null;
	return {
		id: r.id,
		name: r.name,
		description: describeRule(r),
		type: r.type,
		enabled: r.enabled,
		severity: r.severity,
		escalation: r.escalation ?? null,
		group_by: r.groupBy,
		window_minutes: r.windowMinutes,
		threshold: r.threshold,
		single_threshold: r.singleThreshold ?? null,
		cooldown_minutes: r.cooldownMinutes,
		recipients: r.recipients,
		version: s.version,
		updated_at: s.updatedAt ? iso(s.updatedAt) : null,
		updated_by: s.updatedBy,
		/** Why the stored version could not be read (the built-in definition is in force), or null. */
		unreadable: s.unreadable,
		stats: stats
			? {
					last_run_at: iso(stats.last_run_at),
					last_duration_ms: stats.last_duration_ms,
					lag_seconds: watermark ? Math.max(0, Math.round((now.getTime() - Date.parse(watermark)) / 1000)) : null,
					alerts_raised: stats.alerts_raised,
					runs: stats.runs,
					errors: stats.errors,
					last_error: stats.last_error || null,
					last_error_at: iso(stats.last_error_at),
					skipped_windows: stats.skipped_windows
				}
			: null
	};
}
export type RuleJson = ReturnType<typeof toRuleJson>;
