import type { Rule } from '../../schemas/rule';
import { listRuleHits } from '../queries/rules/list-rule-hits';
import { MINUTE_MS } from '../rules/compile';
import { decideAlerts, type Alert } from '../rules/decide';
import { getTenantSettings } from '../tenants/tenant-settings';

export interface BacktestGroup {
	group: Record<string, string>;
	alerts: number;
	maxCount: number;
	firstSeen: string;
	lastSeen: string;
}

export interface BacktestResult {
	from: string;
	to: string;
	alerts: number;
	groups: BacktestGroup[];
}

/** The alerts a rule, as given (edited or not), would have raised over a period; stores and sends nothing. */
export async function backtestRule(rule: Rule, o: { tenant: string; from: Date; to: Date; now: Date }): Promise<BacktestResult> {
	const from = new Date(Math.floor(o.from.getTime() / MINUTE_MS) * MINUTE_MS);
	const to = new Date(Math.ceil(o.to.getTime() / MINUTE_MS) * MINUTE_MS);
	const { businessHours } = await getTenantSettings(o.tenant);
	const hits = await listRuleHits(rule, { tenant: o.tenant, from, to, businessHours });
	const opened = decideAlerts(rule, o.tenant, hits, [], o.now).map((d) => d.alert);
	return { from: from.toISOString(), to: to.toISOString(), alerts: opened.length, groups: groupsOf(opened) };
}

function groupsOf(alerts: Alert[]): BacktestGroup[] {
	const by = new Map<string, BacktestGroup>();
	for (const a of alerts) {
		const g = by.get(a.groupKey) ?? { group: Object.fromEntries(a.groupFields.map((f, i) => [f, a.groupValues[i]])), alerts: 0, maxCount: 0, firstSeen: a.firstSeen.toISOString(), lastSeen: a.lastSeen.toISOString() };
		g.alerts++;
		g.maxCount = Math.max(g.maxCount, a.count);
		if (a.firstSeen.toISOString() < g.firstSeen) g.firstSeen = a.firstSeen.toISOString();
		if (a.lastSeen.toISOString() > g.lastSeen) g.lastSeen = a.lastSeen.toISOString();
		by.set(a.groupKey, g);
	}
	return [...by.values()].sort((a, b) => b.alerts - a.alerts || b.maxCount - a.maxCount);
}
