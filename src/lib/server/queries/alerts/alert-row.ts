import { z } from 'zod';
import { ALERT_STATUSES, SEVERITIES } from '../../../schemas/rule';
import { fromChTime, toChTime } from '../../clickhouse/time';
import type { Alert } from '../../rules/decide';

/** The columns an alert read selects, as AlertDbRow expects them. */
export const ALERT_COLUMNS = `id, tenant, rule_id, rule_name, toString(severity) AS severity, toString(status) AS status, group_fields, group_values,
	group_key, count, threshold, toString(window_start) AS window_start, toString(window_end) AS window_end,
	toString(first_seen) AS first_seen, toString(last_seen) AS last_seen, event_ids, evidence_count, group_labels, incident_id, evidence_query, toString(created_at) AS created_at,
	toString(updated_at) AS updated_at, status_by, status_comment, if(status_at IS NULL, '', toString(status_at)) AS status_at, version`;

export const AlertDbRow = z.object({
	id: z.string(),
	tenant: z.string(),
	rule_id: z.string(),
	rule_name: z.string(),
	severity: z.enum(SEVERITIES),
	status: z.enum(ALERT_STATUSES),
	group_fields: z.array(z.string()),
	group_values: z.array(z.string()),
	group_key: z.string(),
	count: z.coerce.number(),
	threshold: z.coerce.number(),
	window_start: z.string(),
	window_end: z.string(),
	first_seen: z.string(),
	last_seen: z.string(),
	event_ids: z.array(z.string()),
	evidence_count: z.coerce.number(),
	group_labels: z.array(z.string()),
	incident_id: z.string(),
	evidence_query: z.string(),
	created_at: z.string(),
	updated_at: z.string(),
	status_by: z.string(),
	status_comment: z.string(),
	status_at: z.string(),
	version: z.coerce.number()
});
export type AlertDbRow = z.infer<typeof AlertDbRow>;


export function toAlert(r: AlertDbRow): Alert {
	return {
		id: r.id,
		tenant: r.tenant,
		ruleId: r.rule_id,
		ruleName: r.rule_name,
		severity: r.severity,
		status: r.status,
		groupFields: r.group_fields,
		groupValues: r.group_values,
		groupKey: r.group_key,
		count: r.count,
		threshold: r.threshold,
		windowStart: fromChTime(r.window_start),
		windowEnd: fromChTime(r.window_end),
		firstSeen: fromChTime(r.first_seen),
		lastSeen: fromChTime(r.last_seen),
		eventIds: r.event_ids,
		evidenceCount: r.evidence_count,
		groupLabels: r.group_labels,
		incidentId: r.incident_id,
		evidenceQuery: r.evidence_query,
		createdAt: fromChTime(r.created_at),
		updatedAt: fromChTime(r.updated_at),
		statusBy: r.status_by,
		statusComment: r.status_comment,
		statusAt: r.status_at ? fromChTime(r.status_at) : null,
		version: r.version
	};
}

/** An alert as the row insert() writes. */
export function toAlertRow(a: Alert): Record<string, unknown> {
	return {
		tenant: a.tenant,
		id: a.id,
		rule_id: a.ruleId,
		rule_name: a.ruleName,
		severity: a.severity,
		status: a.status,
		group_fields: a.groupFields,
		group_values: a.groupValues,
		group_key: a.groupKey,
		count: a.count,
		threshold: a.threshold,
		window_start: toChTime(a.windowStart),
		window_end: toChTime(a.windowEnd),
		first_seen: toChTime(a.firstSeen),
		last_seen: toChTime(a.lastSeen),
		event_ids: a.eventIds,
		evidence_count: a.evidenceCount,
		group_labels: a.groupLabels,
		incident_id: a.incidentId || a.id,
		evidence_query: a.evidenceQuery,
		created_at: toChTime(a.createdAt),
		updated_at: toChTime(a.updatedAt),
		status_by: a.statusBy,
		status_comment: a.statusComment,
		status_at: a.statusAt ? toChTime(a.statusAt) : null,
		version: a.version
	};
}
