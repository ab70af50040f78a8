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
	/** A sample of the events behind the alert (the first ones); evidenceCount counts them all. */
	eventIds: string[];
	evidenceCount: number;
	/** Each group value as people know it (a person's email, a target's name). */
	groupLabels: string[];
	/** The alert leading the incident this one belongs to; its own id when it leads. */
	incidentId: string;
	/** The timeline filter selecting every event behind the alert. */
	evidenceQuery: string;
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
	/** The stored version an extension starts from, to tell whether anything changed. */
	prior?: Alert;
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
		evidenceCount: 0,
		groupLabels: hit.groupValues,
		incidentId: '',
		evidenceQuery: '',
		createdAt: now,
		updatedAt: now,
		statusBy: '',
		statusComment: '',
		statusAt: null,
		version: 1
	};
}

/** Every change is a max or a min, so a hit applied twice leaves the alert as once. */
function extended(a: Alert, rule: Rule, hit: Hit, now: Date): Alert {
	return {
		...a,
		severity: maxSeverity(a.severity, severityOf(rule, hit)),
		count: Math.max(a.count, hit.measure),
		windowEnd: later(a.windowEnd, hit.slotEnd),
		firstSeen: earlier(a.firstSeen, hit.firstSeen),
		lastSeen: later(a.lastSeen, hit.lastSeen),
		updatedAt: now
	};
}

/** Whether an extended alert says anything its stored version did not; unchanged ones are not written. */
export function changedSince(prior: Alert, next: Alert): boolean {
	return (
		next.severity !== prior.severity ||
		next.count !== prior.count ||
		next.evidenceCount !== prior.evidenceCount ||
		+next.windowEnd !== +prior.windowEnd ||
		+next.firstSeen !== +prior.firstSeen ||
		+next.lastSeen !== +prior.lastSeen ||
		next.eventIds.join() !== prior.eventIds.join() ||
		next.groupLabels.join('\n') !== prior.groupLabels.join('\n')
	);
}

/**
 * Decides which hits open a new alert and which only extend one of the group that is not resolved
 * and whose last window ended within the rule's cooldown. Hits must come in slot order. Every
 * alert a hit reaches is returned (its evidence may have grown); `changedSince` says which to write.
 */
export function decideAlerts(rule: Rule, tenant: string, hits: readonly Hit[], current: readonly Alert[], now: Date): Decision[] {
	// A group may have several alerts (one a day, say): each hit continues the one it belongs to.
	const live = new Map<string, Alert[]>();
	for (const a of current) if (a.status !== 'resolved' && a.ruleId === rule.id && a.tenant === tenant) live.set(a.groupKey, [...(live.get(a.groupKey) ?? []), a]);
	for (const list of live.values()) list.sort((x, y) => x.windowStart.getTime() - y.windowStart.getTime());
	const changed = new Map<string, Decision>();
	const cooldown = rule.cooldownMinutes * MINUTE_MS;
	for (const hit of hits) {
		const key = groupKeyOf(hit.groupValues);
		const list = live.get(key) ?? [];
		const at = hit.slotEnd.getTime();
		const i = list.findLastIndex((x) => at >= x.windowStart.getTime() && at - x.windowEnd.getTime() <= cooldown);
		if (i >= 0) {
			const a = list[i];
			const next = extended(a, rule, hit, now);
			list[i] = next;
			const prior = changed.get(next.id);
			changed.set(next.id, prior ? { ...prior, alert: next } : { kind: 'extend', alert: next, prior: a });
			continue;
		}
		const fresh = opened(rule, tenant, hit, now);
		list.push(fresh);
		list.sort((x, y) => x.windowStart.getTime() - y.windowStart.getTime());
		live.set(key, list);
		changed.set(fresh.id, { kind: 'open', alert: fresh });
	}
	return [...changed.values()];
}
