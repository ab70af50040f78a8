import { z } from 'zod';
import { query } from '../../clickhouse/query';
import { monthParams, type MonthScope } from './month-where';
import { chTimeToIso } from '../../clickhouse/time';

const time = z.string().transform((t) => (t ? chTimeToIso(t) : null));
const Row = z.object({
	id: z.string(),
	ruleId: z.string(),
	ruleName: z.string(),
	severity: z.string(),
	status: z.string(),
	raisedAt: z.string().transform(chTimeToIso),
	acknowledgedAt: time,
	resolvedAt: time,
	groupFields: z.array(z.string()),
	groupValues: z.array(z.string()),
	groupLabels: z.array(z.string()),
	count: z.coerce.number()
});
export type MonthAlert = z.infer<typeof Row>;

/**
 * Alerts first raised in the period, with their current state and when they were first
 * acknowledged and resolved. The alerts table keeps every version until a merge; after one only
 * the latest is left, so an alert resolved without being acknowledged first (or whose
 * acknowledgement was merged away) counts as acknowledged when it was resolved.
 */
export function listMonthAlerts(s: MonthScope, limit = 10_000) {
	return query({
		name: 'monthly.listMonthAlerts',
		row: Row,
		params: { ...monthParams(s), limit },
		sql: `SELECT id, any(rule_id) AS "ruleId", argMax(rule_name, version) AS "ruleName", argMax(toString(severity), version) AS severity,
				argMax(toString(status), version) AS status, toString(min(first_seen)) AS "raisedAt",
				ifNull(toString(minIf(status_at, status != 'open' AND status_at IS NOT NULL)), '') AS "acknowledgedAt",
				ifNull(toString(minIf(status_at, status = 'resolved' AND status_at IS NOT NULL)), '') AS "resolvedAt",
				argMax(group_fields, version) AS "groupFields", argMax(group_values, version) AS "groupValues", argMax(group_labels, version) AS "groupLabels", argMax(count, version) AS count
			FROM alerts
			WHERE tenant = {tenant:String} AND first_seen >= {from:DateTime64(3)} AND first_seen < {to:DateTime64(3)}
			GROUP BY id ORDER BY "raisedAt", id LIMIT {limit:UInt32}`
	});
}
