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

/** Two alerts are one incident when they share an event, or a source address, within the cooldown. */
function related(lead: Alert, a: Alert, o: FoldOptions): boolean {
	if (lead.tenant !== a.tenant) return false;
	const reach = o.cooldownMsOf(lead.ruleId);
	if (a.windowStart.getTime() > lead.windowEnd.getTime() + reach || a.windowEnd.getTime() < lead.windowStart.getTime() - reach) return false;
	const ids = new Set(lead.eventIds);
	if (a.eventIds.some((id) => ids.has(id))) return true;
	const ips = new Set(ipsOf(lead));
	return ipsOf(a).some((ip) => ips.has(ip));
}

/**
 * Sets `incidentId` on newly opened alerts: the id of an incident they belong to (a live leading
 * alert, or one opened before them in this batch), else their own. Returns the alerts that lead.
 */
export function foldIncidents(opened: readonly Alert[], leaders: readonly Alert[], o: FoldOptions): Alert[] {
	const known = [...leaders];
	const fresh: Alert[] = [];
	const order = [...opened].sort(
		(a, b) =>
			SEVERITY_RANK[b.severity] - SEVERITY_RANK[a.severity] ||
			PRECEDENCE[o.typeOf(a.ruleId)] - PRECEDENCE[o.typeOf(b.ruleId)] ||
			a.firstSeen.getTime() - b.firstSeen.getTime() ||
			a.id.localeCompare(b.id)
	);
	for (const a of order) {
		const lead = known.find((l) => related(l, a, o));
		a.incidentId = lead ? lead.incidentId || lead.id : a.id;
		// A member links further alerts too: the sign-in after a spray shares its event with an off-hours alert.
		known.push(a);
		if (!lead) fresh.push(a);
	}
	return fresh;
}
