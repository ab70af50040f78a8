import { SEVERITY_RANK, type RuleType } from '../../schemas/rule';
import type { Alert } from './decide';

// When alerts of one incident are raised together, the one that explains it best leads: a spray
// (distinct accounts) before the sign-in that followed it, before the bare count of failures.
const PRECEDENCE: Record<RuleType, number> = { distinct: 0, sequence: 1, new_value: 2, sum: 3, threshold: 4, match: 5 };

export interface FoldOptions {
	typeOf: (ruleId: string) => RuleType;
	cooldownMsOf: (ruleId: string) => number;
}

const ipsOf = (a: Alert) => a.groupValues.filter((_, i) => a.groupFields[i] === 'ip');

/** Whether `a` falls within the lead's cooldown of it (the other half of being related: a shared event or address). */
function near(lead: Alert, a: Alert, o: FoldOptions): boolean {
	const reach = o.cooldownMsOf(lead.ruleId);
	return a.windowStart.getTime() <= lead.windowEnd.getTime() + reach && a.windowEnd.getTime() >= lead.windowStart.getTime() - reach;
}

/**
 * Whether any of these alerts falls within a leader's cooldown of it. A tick's few new alerts meet
 * every live leader of the month (a late event reaches back that far): indexing the events of all
 * of them cost more than the rest of the tick.
 */
function withinReach(opened: readonly Alert[], o: FoldOptions): (lead: Alert) => boolean {
	const sorted = [...opened].sort((a, b) => a.windowStart.getTime() - b.windowStart.getTime());
	const starts = sorted.map((a) => a.windowStart.getTime());
	// The latest end among the alerts starting up to each one.
	const ends: number[] = [];
	for (const a of sorted) ends.push(Math.max(ends[ends.length - 1] ?? -Infinity, a.windowEnd.getTime()));
	return (lead) => {
		const reach = o.cooldownMsOf(lead.ruleId);
		const latest = lead.windowEnd.getTime() + reach;
		let lo = 0;
		let hi = starts.length;
		while (lo < hi) {
			const mid = (lo + hi) >> 1;
			if (starts[mid] <= latest) lo = mid + 1;
			else hi = mid;
		}
		return lo > 0 && ends[lo - 1] >= lead.windowStart.getTime() - reach;
	};
}

/**
 * Sets `incidentId` on newly opened alerts: the id of an incident they belong to (a live leading
 * alert, or one opened before them in this batch), else their own. Two alerts are one incident when
 * they share an event, or a source address, within the cooldown; of several, the first known leads.
 * Returns the alerts that lead.
 */
export function foldIncidents(opened: readonly Alert[], leaders: readonly Alert[], o: FoldOptions): Alert[] {
	// Known alerts by shared key (event id or address), each list in the order they became known: a
	// catch-up over imported history opens tens of thousands at once, and comparing each with every
	// earlier one took most of a minute at 1M events.
	const known: Alert[] = [];
	const byKey = new Map<string, number[]>();
	const keysOf = (a: Alert) => new Set([...a.eventIds.map((id) => `${a.tenant} e ${id}`), ...ipsOf(a).map((ip) => `${a.tenant} ip ${ip}`)]);
	const remember = (a: Alert) => {
		const i = known.push(a) - 1;
		for (const k of keysOf(a)) {
			const list = byKey.get(k);
			if (list) list.push(i);
			else byKey.set(k, [i]);
		}
	};
	const reachable = withinReach(opened, o);
	for (const l of leaders) if (reachable(l)) remember(l);
	const fresh: Alert[] = [];
	const order = [...opened].sort(
		(a, b) =>
			SEVERITY_RANK[b.severity] - SEVERITY_RANK[a.severity] ||
			PRECEDENCE[o.typeOf(a.ruleId)] - PRECEDENCE[o.typeOf(b.ruleId)] ||
			a.firstSeen.getTime() - b.firstSeen.getTime() ||
			a.id.localeCompare(b.id)
	);
	for (const a of order) {
		let first = known.length;
		for (const k of keysOf(a))
			for (const i of byKey.get(k) ?? []) {
				if (i >= first) break;
				if (near(known[i], a, o)) {
					first = i;
					break;
				}
			}
		const lead = known[first];
		a.incidentId = lead ? lead.incidentId || lead.id : a.id;
		// A member links further alerts too: the sign-in after a spray shares its event with an off-hours alert.
		remember(a);
		if (!lead) fresh.push(a);
	}
	return fresh;
}
