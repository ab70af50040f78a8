import type { Rule } from '../../schemas/rule';
import type { ReportRuleSettings } from '../../reports/security-report-types';
import { listRules } from '../alerts/rule-store';
import { builtinRule } from '../rules/builtin';

export type { ReportRuleSettings } from '../../reports/security-report-types';

/**
 * What the report sections that echo a rule count with: the mass_deletion and
 * unusual_export_volume rules' current settings, so a rule edit reaches the security report, the
 * overview and the monthly report, and each section can say which numbers it used.
 */
export function reportRuleSettings(rules: readonly Rule[]): ReportRuleSettings {
	const find = (id: string) => rules.find((r) => r.id === id) ?? builtinRule(id)!;
	const mass = find('mass_deletion');
	const unusual = find('unusual_export_volume');
	return {
		mass_deletion: { rule_id: mass.id, deletions: mass.threshold, window_minutes: mass.windowMinutes, single_items: mass.singleThreshold ?? null },
		unusual_exports: {
			rule_id: unusual.id,
			factor: unusual.baseline?.factor ?? 1,
			baseline_days: unusual.baseline?.days ?? 30,
			min_records: unusual.threshold
		}
	};
}

/** The settings as stored now (rule-store.ts). */
export async function getReportRuleSettings(): Promise<ReportRuleSettings> {
	return reportRuleSettings((await listRules()).map((s) => s.rule));
}
