import type { Rule } from '../../schemas/rule';
import type { Alert } from '../rules/decide';
import { spanRange } from '../rules/plan-arrivals';
import { getTenantSettings } from '../tenants/tenant-settings';
import { decideRule } from './evaluate-rules';

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
	const [range] = spanRange(o.from, o.to);
	const { businessHours } = await getTenantSettings(o.tenant);
	// The path a tick takes, over the whole period and as if no alert were open: what would be raised.
	const opened = (await decideRule(rule, [{ tenant: o.tenant, ranges: [range], businessHours }], o.now, [])).map((d) => d.alert);
	return { from: range.from.toISOString(), to: range.to.toISOString(), alerts: opened.length, groups: groupsOf(opened) };
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
