import type { Rule } from '../../schemas/rule';
import type { BusinessHours } from '../../schemas/tenant-settings';
import { evidenceQuery } from '../../alerts/evidence-query';
import { MAX_EVIDENCE_IDS } from '../../alerts/links';
import { insertAlerts } from '../queries/alerts/insert-alerts';
import { listIncidentLeaders, listLiveAlerts } from '../queries/alerts/list-live-alerts';
import { listTenants } from '../queries/events/list-tenants';
import { insertRuleRuns, type RuleRun } from '../queries/rules/insert-rule-run';
import { listArrivedMinutes } from '../queries/rules/list-arrived-minutes';
import { listEvidence, listRuleHits } from '../queries/rules/list-rule-hits';
import { listArrivalMarks, type ArrivalMarks } from '../queries/rules/list-watermarks';
import { MINUTE_MS } from '../rules/compile';
import { groupLabels } from '../rules/compile-evidence';
import { changedSince, decideAlerts, type Alert, type Decision } from '../rules/decide';
import { foldIncidents } from '../rules/incidents';
import { rangesFor, spanRange, touchedMinutes, type ArrivedMinute, type TimeRange } from '../rules/plan-arrivals';
import { getTenantSettings } from '../tenants/tenant-settings';
import { listRules } from './rule-store';
import { alertWrites } from './serial';

export interface EvaluationReport {
	runs: RuleRun[];
	opened: Alert[];
	extended: Alert[];
	errors: { ruleId: string; tenant: string; error: string }[];
}

export interface EvaluationOptions {
	now: Date;
	/** An accepted event may take this long to become visible (its batch being written): arrivals are re-read this far back. */
	settleMs: number;
	/** Tenants to evaluate; default every tenant holding events. */
	tenants?: string[];
	/** Rules to evaluate; default every enabled rule. */
	rules?: Rule[];
	/** Evaluate again every window since this time, whatever arrived when (a re-run changes nothing). */
	rerunFrom?: Date;
}

/** Finds a rule's hits in the ranges, decides, measures each alert's evidence, and returns what changed. */
export async function decideRule(rule: Rule, tenant: string, ranges: readonly TimeRange[], businessHours: BusinessHours, now: Date, live: readonly Alert[] | null): Promise<Decision[]> {
	const hits = await listRuleHits(rule, { tenant, ranges, businessHours });
	if (hits.length === 0) return [];
	const reach = (rule.cooldownMinutes + rule.windowMinutes) * MINUTE_MS;
	const current = live ?? (await listLiveAlerts(rule.id, tenant, new Date(ranges[0].from.getTime() - reach)));
	const decisions = decideAlerts(rule, tenant, hits, current, now);
	const evidence = await listEvidence(rule, { tenant, businessHours }, decisions.map((d) => ({ groupValues: d.alert.groupValues, from: d.alert.windowStart, to: d.alert.windowEnd })), MAX_EVIDENCE_IDS);
	const out: Decision[] = [];
	decisions.forEach((d, i) => {
		const e = evidence[i];
		const alert: Alert = {
			...d.alert,
			eventIds: e.ids,
			evidenceCount: e.events,
			count: e.measure,
			groupLabels: groupLabels(d.alert.groupFields, d.alert.groupValues, e.names),
			evidenceQuery: evidenceQuery(rule, d.alert, businessHours)
		};
		if (d.prior) {
			if (!changedSince(d.prior, alert)) return;
			alert.version = d.prior.version + 1;
		}
		out.push({ ...d, alert });
	});
	return out;
}

function runOf(rule: Rule, tenant: string, ranges: readonly TimeRange[], arrivedTo: Date): RuleRun {
	const windows = ranges.reduce((n, r) => n + Math.round((r.to.getTime() - r.from.getTime()) / MINUTE_MS), 0);
	const from = ranges[0]?.from ?? arrivedTo;
	const to = ranges[ranges.length - 1]?.to ?? arrivedTo;
	return { ruleId: rule.id, tenant, windowFrom: from, windowTo: to, windows, startedAt: new Date(), durationMs: 0, alertsRaised: 0, alertsExtended: 0, error: '', arrivedTo };
}

interface Plan {
	marks: ArrivalMarks;
	arrived: ArrivedMinute[];
}

/** The minutes touched by arrivals since the oldest mark of the tenants (less the settle time). */
async function readArrivals(o: EvaluationOptions, rules: Rule[], tenants: string[]): Promise<Plan> {
	const marks = await listArrivalMarks();
	if (o.rerunFrom) return { marks, arrived: [] };
	let since: Date | null = o.now;
	for (const t of tenants)
		for (const r of rules) {
			const m = marks.of(r.id, t);
			if (!m) since = null;
			else if (since && m.getTime() - o.settleMs < since.getTime()) since = new Date(m.getTime() - o.settleMs);
		}
	return { marks, arrived: await listArrivedMinutes(since, o.now, o.tenants) };
}

async function evaluateTenant(tenant: string, rules: Rule[], plan: Plan, o: EvaluationOptions, report: EvaluationReport) {
	const { businessHours } = await getTenantSettings(tenant);
	const opened: Alert[] = [];
	const writes: Alert[] = [];
	for (const rule of rules) {
		const ranges = o.rerunFrom
			? spanRange(o.rerunFrom, new Date(o.now.getTime() + MINUTE_MS))
			: rangesFor(touchedMinutes(plan.arrived, tenant, plan.marks.of(rule.id, tenant), o.settleMs), rule.windowMinutes);
		// A re-run of past windows reads no arrivals, so it leaves the rule's arrival mark where it was.
		const run = runOf(rule, tenant, ranges, o.rerunFrom ? (plan.marks.of(rule.id, tenant) ?? new Date(0)) : o.now);
		try {
			const decisions = ranges.length ? await decideRule(rule, tenant, ranges, businessHours, o.now, null) : [];
			for (const d of decisions) {
				(d.kind === 'open' ? opened : report.extended).push(d.alert);
				writes.push(d.alert);
			}
			run.alertsRaised = decisions.filter((d) => d.kind === 'open').length;
			run.alertsExtended = decisions.length - run.alertsRaised;
		} catch (e) {
			// One rule failing must not stop the others. Its run records the mark it started from, so
			// its arrivals are read again next tick (also on a rule's very first run).
			run.error = (e instanceof Error ? e.message : String(e)).slice(0, 2000);
			run.arrivedTo = plan.marks.of(rule.id, tenant) ?? new Date(0);
			report.errors.push({ ruleId: rule.id, tenant, error: run.error });
		}
		run.durationMs = Date.now() - run.startedAt.getTime();
		report.runs.push(run);
	}
	if (opened.length) {
		const byId = new Map(rules.map((r) => [r.id, r]));
		const since = new Date(Math.min(...opened.map((a) => a.windowStart.getTime())) - 7 * 86_400_000);
		foldIncidents(opened, await listIncidentLeaders(tenant, since), {
			typeOf: (id) => byId.get(id)?.type ?? 'match',
			cooldownMsOf: (id) => (byId.get(id)?.cooldownMinutes ?? 60) * MINUTE_MS
		});
	}
	// Alerts before runs: a crash between the two re-reads these arrivals, and re-deciding them writes nothing new.
	await insertAlerts(writes);
	report.opened.push(...opened);
}

async function evaluateAll(o: EvaluationOptions): Promise<EvaluationReport> {
	const report: EvaluationReport = { runs: [], opened: [], extended: [], errors: [] };
	const rules = o.rules ?? (await listRules()).map((r) => r.rule).filter((r) => r.enabled);
	const tenants = o.tenants ?? (await listTenants());
	const plan = await readArrivals(o, rules, tenants);
	for (const tenant of tenants) await evaluateTenant(tenant, rules, plan, o, report);
	await insertRuleRuns(report.runs);
	return report;
}

/**
 * Evaluates every enabled rule for every tenant over the windows touched by events that arrived
 * since the rule last looked, however late they happened. Evaluations of this process run one at
 * a time, so two at once (the schedule and a manual run) never race.
 */
export const evaluateRules = (o: EvaluationOptions): Promise<EvaluationReport> => alertWrites(() => evaluateAll(o));
