import { createHash } from 'node:crypto';
import { SEVERITY_RANK, type AlertStatus, type Rule, type Severity } from '../../schemas/rule';
import { groupFieldsOf, MINUTE_MS } from './compile';

/** One group over the threshold in the window ending at slotEnd. */
export interface Hit {
	groupValues: string[];
	slotEnd: Date;
	measure: number;
	peak: number;
	/** The threshold this group had to reach (a baseline can raise it). */
	limit: number;
	firstSeen: Date;
	lastSeen: Date;
	escalated: boolean;
}

export interface Alert {
	id: string;
	tenant: string;
	ruleId: string;
	ruleName: string;
	severity: Severity;
	status: AlertStatus;
	groupFields: string[];
	groupValues: string[];
	groupKey: string;
	count: number;
	threshold: number;
	windowStart: Date;
	windowEnd: Date;
	firstSeen: Date;
	lastSeen: Date;
	eventIds: string[];
	createdAt: Date;
	updatedAt: Date;
	statusBy: string;
	statusComment: string;
	statusAt: Date | null;
	version: number;
}

export interface Decision {
	kind: 'open' | 'extend';
	alert: Alert;
}

export const groupKeyOf = (values: readonly string[]) => JSON.stringify(values);

/** Derived from what opened the alert, so evaluating the same window twice names the same alert. */
export function alertIdOf(ruleId: string, tenant: string, groupKey: string, slotEnd: Date): string {
	return `al_${createHash('sha256').update(`${ruleId}\n${tenant}\n${groupKey}\n${slotEnd.toISOString()}`).digest('hex').slice(0, 24)}`;
}

const maxSeverity = (a: Severity, b: Severity) => (SEVERITY_RANK[a] >= SEVERITY_RANK[b] ? a : b);
const later = (a: Date, b: Date) => (a > b ? a : b);
const earlier = (a: Date, b: Date) => (a < b ? a : b);

function severityOf(rule: Rule, hit: Hit): Severity {
	return hit.escalated && rule.escalation ? maxSeverity(rule.severity, rule.escalation.severity) : rule.severity;
}

/** The threshold a hit crossed: the window's, else the one-event threshold it reached. */
function thresholdOf(rule: Rule, hit: Hit): number {
	if (hit.measure >= hit.limit || rule.singleThreshold === undefined) return hit.limit;
	return rule.singleThreshold;
}

function opened(rule: Rule, tenant: string, hit: Hit, now: Date): Alert {
	const groupKey = groupKeyOf(hit.groupValues);
	return {
		id: alertIdOf(rule.id, tenant, groupKey, hit.slotEnd),
		tenant,
		ruleId: rule.id,
		ruleName: rule.name,
		severity: severityOf(rule, hit),
		status: 'open',
		groupFields: groupFieldsOf(rule),
		groupValues: hit.groupValues,
		groupKey,
		count: hit.measure,
		threshold: thresholdOf(rule, hit),
		windowStart: new Date(hit.slotEnd.getTime() - rule.windowMinutes * MINUTE_MS),
		windowEnd: hit.slotEnd,
		firstSeen: hit.firstSeen,
		lastSeen: hit.lastSeen,
		eventIds: [],
		createdAt: now,
		updatedAt: now,
		statusBy: '',
		statusComment: '',
		statusAt: null,
		version: 1
	};
}

/** Every change is a max or a min, so a hit applied twice leaves the alert as once. */
function extended(a: Alert, rule: Rule, hit: Hit, now: Date): Alert | null {
	const next: Alert = {
		...a,
		severity: maxSeverity(a.severity, severityOf(rule, hit)),
		count: Math.max(a.count, hit.measure),
		windowEnd: later(a.windowEnd, hit.slotEnd),
		firstSeen: earlier(a.firstSeen, hit.firstSeen),
		lastSeen: later(a.lastSeen, hit.lastSeen)
	};
	const same = next.severity === a.severity && next.count === a.count && +next.windowEnd === +a.windowEnd && +next.firstSeen === +a.firstSeen && +next.lastSeen === +a.lastSeen;
	return same ? null : { ...next, updatedAt: now, version: a.version + 1 };
}

/**
 * Decides which hits open a new alert and which only extend one of the group that is not resolved
 * and whose last window ended within the rule's cooldown. Hits must come in slot order.
 */
export function decideAlerts(rule: Rule, tenant: string, hits: readonly Hit[], current: readonly Alert[], now: Date): Decision[] {
	const live = new Map<string, Alert>();
	for (const a of current) if (a.status !== 'resolved' && a.ruleId === rule.id && a.tenant === tenant) live.set(a.groupKey, a);
	const changed = new Map<string, Decision>();
	const cooldown = rule.cooldownMinutes * MINUTE_MS;
	for (const hit of hits) {
		const key = groupKeyOf(hit.groupValues);
		const a = live.get(key);
		if (a && hit.slotEnd.getTime() - a.windowEnd.getTime() <= cooldown && hit.slotEnd.getTime() >= a.windowStart.getTime()) {
			const next = extended(a, rule, hit, now);
			if (!next) continue;
			live.set(key, next);
			const prior = changed.get(next.id);
			changed.set(next.id, { kind: prior?.kind ?? 'extend', alert: next });
			continue;
		}
		const fresh = opened(rule, tenant, hit, now);
		live.set(key, fresh);
		changed.set(fresh.id, { kind: 'open', alert: fresh });
	}
	return [...changed.values()];
}
