import type { EventKind } from '../schemas/event-kinds';
import { formatHoursSpec } from '../schemas/hours-spec';
import type { BusinessHours } from '../schemas/tenant-settings';

interface Match {
	kinds: readonly EventKind[];
	offHours?: boolean;
	where?: readonly string[];
}

export interface EvidenceRule {
	filter: Match;
	before?: Match;
}

export interface EvidenceAlert {
	tenant: string;
	groupFields: readonly string[];
	groupValues: readonly string[];
	windowStart: Date;
	windowEnd: Date;
}

/** How each group field is selected on the timeline, exactly as the rule computed it. */
function groupFilter(p: URLSearchParams, field: string, value: string) {
	if (field === 'ip') p.set('ip', value);
	else if (field === 'account') p.append('f', `account:eq:${value}`);
	else if (field === 'actor') p.set('actor', value);
	else if (field === 'country') p.append('f', `country:eq:${value}`);
	else if (field === 'source') p.set('source', value);
	else if (field === 'target') {
		const at = value.indexOf(':');
		p.set('target_type', value.slice(0, at));
		p.set('target_id', value.slice(at + 1));
	}
}

/**
 * The timeline filter (query string of /events and GET /api/v1/events) that selects every event
 * an alert's rule counted: its kinds of events (with the sequence's first kinds), its own filters,
 * the business hours it judged by, the alert's group and its span. Readable as chips, unlike ids.
 */
export function evidenceQuery(rule: EvidenceRule, a: EvidenceAlert, businessHours: BusinessHours, timezone = businessHours.timezone): string {
	const p = new URLSearchParams({ tenant: a.tenant, from: a.windowStart.toISOString(), to: a.windowEnd.toISOString() });
	for (const k of new Set([...rule.filter.kinds, ...(rule.before?.kinds ?? [])])) p.append('kind', k);
	// A sequence's two halves may filter differently; only filters both share narrow the link.
	if (rule.filter.offHours && (!rule.before || rule.before.offHours)) p.set('off_hours', formatHoursSpec(businessHours));
	for (const w of rule.filter.where ?? []) if (!rule.before || rule.before.where?.includes(w)) p.append('f', w);
	a.groupFields.forEach((f, i) => groupFilter(p, f, a.groupValues[i] ?? ''));
	p.set('tz', timezone);
	return p.toString();
}
