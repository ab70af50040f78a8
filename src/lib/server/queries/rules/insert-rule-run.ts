import { insert } from '../../clickhouse/query';
import { toChTime } from '../../clickhouse/time';

export interface RuleRun {
	ruleId: string;
	tenant: string;
	windowFrom: Date;
	windowTo: Date;
	windows: number;
	startedAt: Date;
	durationMs: number;
	alertsRaised: number;
	alertsExtended: number;
	error: string;
	/** Events received up to this time were evaluated by this run. */
	arrivedTo: Date;
}

export function insertRuleRuns(runs: RuleRun[]): Promise<void> {
	return insert(
		'rules.insertRuleRuns',
		'rule_runs',
		runs.map((r) => ({
			rule_id: r.ruleId,
			tenant: r.tenant,
			window_from: toChTime(r.windowFrom),
			window_to: toChTime(r.windowTo),
			windows: r.windows,
			started_at: toChTime(r.startedAt),
			duration_ms: Math.round(r.durationMs),
			alerts_raised: r.alertsRaised,
			alerts_extended: r.alertsExtended,
			error: r.error,
			// Evaluation follows arrival since migration 0050, so no window is skipped any more.
			skipped_from: null,
			skipped_windows: 0,
			arrived_to: toChTime(r.arrivedTo)
		}))
	);
}
