import { listRuleStats } from '../queries/rules/list-rule-stats';
import { toRuleJson, type RuleJson } from './rule-json';
import { listRules } from './rule-store';

/** Every rule with its evaluation figures of the last week. */
export async function listRulesWithStats(now: Date): Promise<RuleJson[]> {
	const [rules, stats] = await Promise.all([listRules(), listRuleStats(new Date(now.getTime() - 7 * 86_400_000))]);
	const byId = new Map(stats.map((s) => [s.rule_id, s]));
	return rules.map((r) => toRuleJson(r, byId.get(r.rule.id), now));
}
