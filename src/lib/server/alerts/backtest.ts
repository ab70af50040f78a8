import { evidenceHref } from '../../alerts/links';
import { describeRule } from '../../rules/describe';
import type { Rule, Severity } from '../../schemas/rule';
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

/** One alert the rule would have raised, with the link to the events behind it. */
export interface BacktestAlert {
	group: Record<string, string>;
	/** Each group value as people know it (an email, a name). */
	labels: Record<string, string>;
	severity: Severity;
	count: number;
	threshold: number;
	windowStart: string;
	windowEnd: string;
	firstSeen: string;
	lastSeen: string;
	href: string;
}

/** The settings a backtest ran with (the edited ones, not necessarily the saved ones). */
export type BacktestValues = Pick<Rule, 'threshold' | 'windowMinutes' | 'cooldownMinutes' | 'severity'> & Partial<Pick<Rule, 'singleThreshold' | 'lookbackDays'>>;

export interface BacktestResult {
	from: string;
	to: string;
	tested: BacktestValues;
	description: string;
	alerts: number;
	groups: BacktestGroup[];
	/** The first LIST_CAP alerts, oldest first. */
	list: BacktestAlert[];
}

/** How many of a backtest's alerts are listed one by one on the page and in the API. */
export const LIST_CAP = 50;

const groupOf = (a: Alert) => Object.fromEntries(a.groupFields.map((f, i) => [f, a.groupValues[i]]));

export const testedValuesOf = (r: Rule): BacktestValues => ({
	threshold: r.threshold,
	windowMinutes: r.windowMinutes,
	cooldownMinutes: r.cooldownMinutes,
	severity: r.severity,
	...(r.singleThreshold !== undefined ? { singleThreshold: r.singleThreshold } : {}),
	...(r.lookbackDays !== undefined ? { lookbackDays: r.lookbackDays } : {})
});

/** The alerts a rule, as given (edited or not), would have raised over a period; stores and sends nothing. */
export async function backtestRule(rule: Rule, o: { tenant: string; from: Date; to: Date; now: Date }): Promise<BacktestResult> {
	const [range] = spanRange(o.from, o.to);
	const { businessHours } = await getTenantSettings(o.tenant);
	// The path a tick takes, over the whole period and as if no alert were open: what would be raised.
	const opened = (await decideRule(rule, [{ tenant: o.tenant, ranges: [range], businessHours }], o.now, [])).map((d) => d.alert);
	const list = opened.slice(0, LIST_CAP).map(
		(a): BacktestAlert => ({
			group: groupOf(a),
			labels: Object.fromEntries(a.groupFields.map((f, i) => [f, a.groupLabels[i] || a.groupValues[i]])),
			severity: a.severity,
			count: a.count,
			threshold: a.threshold,
			windowStart: a.windowStart.toISOString(),
			windowEnd: a.windowEnd.toISOString(),
			firstSeen: a.firstSeen.toISOString(),
			lastSeen: a.lastSeen.toISOString(),
			href: evidenceHref(a)
		})
	);
	return { from: range.from.toISOString(), to: range.to.toISOString(), tested: testedValuesOf(rule), description: describeRule(rule), alerts: opened.length, groups: groupsOf(opened), list };
}

function groupsOf(alerts: Alert[]): BacktestGroup[] {
	const by = new Map<string, BacktestGroup>();
	for (const a of alerts) {
		const g = by.get(a.groupKey) ?? { group: groupOf(a), alerts: 0, maxCount: 0, firstSeen: a.firstSeen.toISOString(), lastSeen: a.lastSeen.toISOString() };
		g.alerts++;
		g.maxCount = Math.max(g.maxCount, a.count);
		if (a.firstSeen.toISOString() < g.firstSeen) g.firstSeen = a.firstSeen.toISOString();
		if (a.lastSeen.toISOString() > g.lastSeen) g.lastSeen = a.lastSeen.toISOString();
		by.set(a.groupKey, g);
	}
	return [...by.values()].sort((a, b) => b.alerts - a.alerts || b.maxCount - a.maxCount);
}
