import { latenessNote } from '../../alerts/lateness';
import { alertHref, evidenceHref } from '../../alerts/links';
import type { Alert } from '../rules/decide';

/** An alert as the API answers it (snake_case, ISO times). */
export function toAlertJson(a: Alert) {
	return {
		id: a.id,
		tenant: a.tenant,
		rule_id: a.ruleId,
		rule_name: a.ruleName,
		severity: a.severity,
		status: a.status,
		group: Object.fromEntries(a.groupFields.map((f, i) => [f, a.groupValues[i]])),
		/** Each group value as people know it (a person's email or name, a target's name). */
		group_labels: Object.fromEntries(a.groupFields.map((f, i) => [f, a.groupLabels[i] || a.groupValues[i]])),
		count: a.count,
		/** Every event behind the alert; `event_ids` is a sample of the first 100. */
		evidence_count: a.evidenceCount,
		/** The timeline filter (for /events and GET /api/v1/events) selecting exactly those events. */
		evidence_query: a.evidenceQuery || evidenceHref(a).slice('/events?'.length),
		/** The alert leading the incident this one is part of (its own id when it leads). */
		incident_id: a.incidentId || a.id,
		late: latenessNote(a),
		threshold: a.threshold,
		window_start: a.windowStart.toISOString(),
		window_end: a.windowEnd.toISOString(),
		first_seen: a.firstSeen.toISOString(),
		last_seen: a.lastSeen.toISOString(),
		event_ids: a.eventIds,
		status_by: a.statusBy || null,
		status_comment: a.statusComment || null,
		status_at: a.statusAt?.toISOString() ?? null,
		created_at: a.createdAt.toISOString(),
		links: { alert: alertHref(a.id), events: evidenceHref(a) }
	};
}
export type AlertJson = ReturnType<typeof toAlertJson>;
