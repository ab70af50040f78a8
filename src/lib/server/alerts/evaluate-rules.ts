import type { Rule } from '../../schemas/rule';
import type { BusinessHours } from '../../schemas/tenant-settings';
import { MAX_EVIDENCE_IDS } from '../../alerts/links';
import { insertAlerts } from '../queries/alerts/insert-alerts';
import { listLiveAlerts } from '../queries/alerts/list-live-alerts';
import { listTenants } from '../queries/events/list-tenants';
import { insertRuleRuns, type RuleRun } from '../queries/rules/insert-rule-run';
import { listEvidenceIds, listRuleHits } from '../queries/rules/list-rule-hits';
import { listWatermarks } from '../queries/rules/list-watermarks';
import { MINUTE_MS } from '../rules/compile';
import { decideAlerts, type Alert } from '../rules/decide';
import { planWindows, type PlanOptions, type WindowPlan } from '../rules/plan-windows';
import { getTenantSettings } from '../tenants/tenant-settings';
import { listRules } from './rule-store';
import { alertWrites } from './serial';

export interface EvaluationReport {
	runs: RuleRun[];
	opened: Alert[];
	extended: Alert[];
	errors: { ruleId: string; tenant: string; error: string }[];
}

export interface EvaluationOptions extends PlanOptions {
	now: Date;
	/** Tenants to evaluate; default every tenant holding events. */
	tenants?: string[];
	/** Rules to evaluate; default every enabled rule. */
	rules?: Rule[];
	/** Evaluate again every window since this time, whatever the watermark (a re-run changes nothing). */
	rerunFrom?: Date;
}

/** Finds a rule's hits in the planned windows, decides, attaches evidence, and stores the alerts. */
async function evaluateOne(rule: Rule, tenant: string, plan: WindowPlan, businessHours: BusinessHours, now: Date) {
	const hits = await listRuleHits(rule, { tenant, from: plan.from, to: plan.to, businessHours });
	const reach = (rule.cooldownMinutes + rule.windowMinutes) * MINUTE_MS;
	const live = hits.length ? await listLiveAlerts(rule.id, tenant, new Date(plan.from.getTime() - reach)) : [];
	const decisions = decideAlerts(rule, tenant, hits, live, now);
	for (const d of decisions) {
		const ids = await listEvidenceIds(rule, { tenant, groupValues: d.alert.groupValues, from: d.alert.windowStart, to: d.alert.windowEnd, businessHours });
		d.alert.eventIds = ids.slice(0, MAX_EVIDENCE_IDS);
	}
	await insertAlerts(decisions.map((d) => d.alert));
	return decisions;
}

async function evaluateAll(o: EvaluationOptions): Promise<EvaluationReport> {
	const report: EvaluationReport = { runs: [], opened: [], extended: [], errors: [] };
	const rules = o.rules ?? (await listRules()).map((r) => r.rule).filter((r) => r.enabled);
	const tenants = o.tenants ?? (await listTenants());
	const watermarks = await listWatermarks();
	for (const tenant of tenants) {
		const { businessHours } = await getTenantSettings(tenant);
		for (const rule of rules) {
			const plan = planWindows(o.rerunFrom ?? watermarks.get(`${rule.id}\n${tenant}`) ?? watermarks.get(rule.id) ?? null, o.now, o);
			if (!plan) continue;
			const started = new Date();
			const run: RuleRun = { ruleId: rule.id, tenant, windowFrom: plan.from, windowTo: plan.to, windows: plan.windows, startedAt: started, durationMs: 0, alertsRaised: 0, alertsExtended: 0, error: '', skippedFrom: plan.skippedFrom, skippedWindows: plan.skippedWindows };
			try {
				const decisions = await evaluateOne(rule, tenant, plan, businessHours, o.now);
				for (const d of decisions) (d.kind === 'open' ? report.opened : report.extended).push(d.alert);
				run.alertsRaised = decisions.filter((d) => d.kind === 'open').length;
				run.alertsExtended = decisions.length - run.alertsRaised;
			} catch (e) {
				// One rule failing must not stop the others; its watermark stays, so it is retried.
				run.error = (e instanceof Error ? e.message : String(e)).slice(0, 2000);
				report.errors.push({ ruleId: rule.id, tenant, error: run.error });
			}
			run.durationMs = Date.now() - started.getTime();
			report.runs.push(run);
		}
	}
	await insertRuleRuns(report.runs);
	return report;
}

/**
 * Evaluates every enabled rule for every tenant over the windows due at `now`. Evaluations of
 * this process run one at a time, so two at once (the schedule and a manual run) never race.
 */
export const evaluateRules = (o: EvaluationOptions): Promise<EvaluationReport> => alertWrites(() => evaluateAll(o));
