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
		count: a.count,
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
