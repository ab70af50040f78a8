import { z } from 'zod';
import { query } from '../../clickhouse/query';
import { toChTime } from '../../clickhouse/time';
import type { TenantScope } from '../events/event-where';

const Row = z.object({
	rule_id: z.string(),
	last_run_at: z.string(),
	last_duration_ms: z.coerce.number(),
	watermark: z.string(),
	alerts_raised: z.coerce.number(),
	runs: z.coerce.number(),
	errors: z.coerce.number(),
	last_error: z.string(),
	last_error_at: z.string(),
	skipped_windows: z.coerce.number()
});
export type RuleStats = z.infer<typeof Row>;

/**
 * What the rules page shows per rule over the last `days`, across the tenants of `scope` only (a
 * reader bound to one tenant must not see figures summed over the others): the latest run, the
 * alerts raised, the errors. Lag is now minus the watermark, worked out by the caller.
 */
export function listRuleStats(since: Date, scope: TenantScope): Promise<RuleStats[]> {
	return query({
		name: 'rules.listRuleStats',
		row: Row,
		params: { since: toChTime(since), all: scope === '*', tenants: scope === '*' ? [] : scope },
		sql: `SELECT rule_id, toString(max(started_at)) AS last_run_at, argMax(duration_ms, started_at) AS last_duration_ms,
				toString(minIf(w, w > toDateTime64(0, 3))) AS watermark, sum(alerts_raised) AS alerts_raised, count() AS runs,
				countIf(error != '') AS errors, argMaxIf(error, started_at, error != '') AS last_error,
				if(countIf(error != '') = 0, '', toString(maxIf(started_at, error != ''))) AS last_error_at, sum(skipped_windows) AS skipped_windows
			FROM (
				SELECT *, max(if(error = '', window_to, toDateTime64(0, 3))) OVER (PARTITION BY rule_id, tenant) AS w
				FROM rule_runs WHERE started_at >= {since:DateTime64(3)} AND ({all:Bool} OR tenant IN {tenants:Array(String)})
			)
			GROUP BY rule_id`
	});
}
