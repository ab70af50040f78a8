import type { TenantScope } from '../queries/events/event-where';
import { listRuleStats } from '../queries/rules/list-rule-stats';
import { toRuleJson, type RuleJson } from './rule-json';
import { listRules } from './rule-store';

/** Every rule with its evaluation figures of the last week, over the tenants the reader may see. */
export async function listRulesWithStats(now: Date, scope: TenantScope): Promise<RuleJson[]> {
	const [rules, stats] = await Promise.all([listRules(), listRuleStats(new Date(now.getTime() - 7 * 86_400_000), scope)]);
	const byId = new Map(stats.map((s) => [s.rule_id, s]));
	return rules.map((r) => toRuleJson(r, byId.get(r.rule.id), now));
}
