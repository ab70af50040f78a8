import { z } from 'zod';
import { query } from '../../clickhouse/query';
import { toChTime } from '../../clickhouse/time';
import { chTimeToIso } from '../../clickhouse/time';

const Row = z.object({ id: z.string(), acknowledgedAt: z.string(), resolvedAt: z.string() });

/**
 * When alerts were first acknowledged and resolved, from Trailscope's audit trail (each status
 * change is written there): the alerts table keeps only the latest version once merged. Reads the
 * audit tenant from the first alert's raising up to `to`, for the given alert ids only.
 */
export async function listAlertResponses(auditTenant: string, ids: string[], from: Date, to: Date): Promise<Map<string, { acknowledgedAt: string | null; resolvedAt: string | null }>> {
	if (ids.length === 0) return new Map();
	const rows = await query({
		name: 'monthly.listAlertResponses',
		row: Row,
		params: { tenant: auditTenant, ids, from: toChTime(from), to: toChTime(to) },
		sql: `SELECT target_id AS id,
				ifNull(toString(minIfOrNull(occurred_at, action_key = 'alert_acknowledged')), '') AS "acknowledgedAt",
				ifNull(toString(minIfOrNull(occurred_at, action_key = 'alert_resolved')), '') AS "resolvedAt"
			FROM events
			WHERE tenant = {tenant:String} AND occurred_at >= {from:DateTime64(3)} AND occurred_at < {to:DateTime64(3)}
			  AND source = 'trailscope' AND target_type = 'alert' AND target_id IN {ids:Array(String)}
			  AND action_key IN ('alert_acknowledged', 'alert_resolved')
			GROUP BY target_id`
	});
	const at = (t: string) => (t ? chTimeToIso(t) : null);
	return new Map(rows.map((r) => [r.id, { acknowledgedAt: at(r.acknowledgedAt), resolvedAt: at(r.resolvedAt) }]));
}
