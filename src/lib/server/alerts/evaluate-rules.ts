import type { Rule } from '../../schemas/rule';
import { groupBy } from '../../group-by';
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
import { changedSince, decideAlerts, groupKeyOf, type Alert, type Decision } from '../rules/decide';
import { foldIncidents } from '../rules/incidents';
import { kindsRead, minuteKey, rangesFor, spanRange, touchedMinutes, type ArrivedMinute, type Seen, type TimeRange } from '../rules/plan-arrivals';
import type { TenantScope } from '../rules/scope-sql';
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

/**
 * Finds a rule's hits over each tenant's ranges (one query for all of them), decides per tenant,
 * measures every decided alert's evidence (one query), and returns what changed.
 */
export async function decideRule(rule: Rule, scopes: readonly TenantScope[], now: Date, live: readonly Alert[] | null): Promise<Decision[]> {
	if (scopes.length === 0) return [];
	const hits = await listRuleHits(rule, scopes);
	if (hits.length === 0) return [];
	const reach = (rule.cooldownMinutes + rule.windowMinutes) * MINUTE_MS;
	const hitTenants = [...new Set(hits.map((h) => h.tenant))];
	const since = new Date(Math.min(...scopes.map((s) => s.ranges[0].from.getTime())) - reach);
	const current = live ?? (await listLiveAlerts(rule.id, hitTenants, [...new Set(hits.map((h) => groupKeyOf(h.groupValues)))], since));
	const decisions = hitTenants.flatMap((t) =>
		decideAlerts(
			rule,
			t,
			hits.filter((h) => h.tenant === t),
			current,
			now
		)
	);
	const hoursOf = (t: string) => scopes.find((s) => s.tenant === t)!.businessHours;
	const spans = decisions.map((d) => ({ tenant: d.alert.tenant, groupValues: d.alert.groupValues, from: d.alert.windowStart, to: d.alert.windowEnd }));
	const evidence = await listEvidence(rule, hoursOf, spans, MAX_EVIDENCE_IDS);
	const out: Decision[] = [];
	decisions.forEach((d, i) => {
		const e = evidence[i];
		const alert: Alert = {
			...d.alert,
			eventIds: e.ids,
			evidenceCount: e.events,
			count: e.measure,
			groupLabels: groupLabels(d.alert.groupFields, d.alert.groupValues, e.names),
			evidenceQuery: evidenceQuery(rule, d.alert, hoursOf(d.alert.tenant))
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

// What this process's previous tick read, so the next one re-reads the settle time without
// re-evaluating minutes in which nothing changed (a restart just re-reads them once).
let seen: Seen | null = null;

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
	const arrived = await listArrivedMinutes({ since, until: o.now, seenUntil: seen?.until ?? null, tailFrom: new Date(o.now.getTime() - o.settleMs), tenants: o.tenants });
	return { marks, arrived };
}

/** Evaluates one rule for every tenant at once and records a run per tenant (its arrival mark). */
async function evaluateRule(rule: Rule, tenants: readonly string[], hours: ReadonlyMap<string, BusinessHours>, plan: Plan, o: EvaluationOptions, report: EvaluationReport): Promise<Decision[]> {
	const started = new Date();
	const kinds = kindsRead(rule);
	const scopes: TenantScope[] = tenants.map((tenant) => ({
		tenant,
		businessHours: hours.get(tenant)!,
		ranges: o.rerunFrom
			? spanRange(o.rerunFrom, new Date(o.now.getTime() + MINUTE_MS))
			: rangesFor(touchedMinutes(plan.arrived, tenant, plan.marks.of(rule.id, tenant), o.settleMs, seen, kinds), rule.windowMinutes)
	}));
	let decisions: Decision[] = [];
	let error = '';
	try {
		decisions = await decideRule(
			rule,
			scopes.filter((s) => s.ranges.length > 0),
			o.now,
			null
		);
	} catch (e) {
		// One rule failing must not stop the others. Its runs record the marks they started from, so
		// its arrivals are read again next tick (also on a rule's very first run).
		error = (e instanceof Error ? e.message : String(e)).slice(0, 2000);
	}
	const durationMs = Date.now() - started.getTime();
	for (const s of scopes) {
		const mine = decisions.filter((d) => d.alert.tenant === s.tenant);
		// A re-run of past windows reads no arrivals, so it leaves the rule's arrival mark where it was.
		const keep = error || o.rerunFrom;
		const run = runOf(rule, s.tenant, s.ranges, keep ? (plan.marks.of(rule.id, s.tenant) ?? new Date(0)) : o.now);
		Object.assign(run, { startedAt: started, durationMs, error, alertsRaised: mine.filter((d) => d.kind === 'open').length });
		run.alertsExtended = mine.length - run.alertsRaised;
		if (error && s.ranges.length) report.errors.push({ ruleId: rule.id, tenant: s.tenant, error });
		report.runs.push(run);
	}
	return decisions;
}

const byTenant = (alerts: readonly Alert[]) => groupBy(alerts, (a) => a.tenant);

async function evaluateAll(o: EvaluationOptions): Promise<EvaluationReport> {
	const report: EvaluationReport = { runs: [], opened: [], extended: [], errors: [] };
	const rules = o.rules ?? (await listRules()).map((r) => r.rule).filter((r) => r.enabled);
	const tenants = o.tenants ?? (await listTenants());
	const plan = await readArrivals(o, rules, tenants);
	const hours = new Map<string, BusinessHours>();
	for (const t of tenants) hours.set(t, (await getTenantSettings(t)).businessHours);
	const byId = new Map(rules.map((r) => [r.id, r]));
	const writes: Alert[] = [];
	for (const rule of rules) {
		for (const d of await evaluateRule(rule, tenants, hours, plan, o, report)) {
			(d.kind === 'open' ? report.opened : report.extended).push(d.alert);
			writes.push(d.alert);
		}
	}
	const openedBy = byTenant(report.opened);
	const sinceBy = new Map([...openedBy].map(([t, opened]) => [t, new Date(opened.reduce((m, a) => Math.min(m, a.windowStart.getTime()), Infinity) - 7 * 86_400_000)]));
	const leaders = byTenant(await listIncidentLeaders(sinceBy));
	for (const [tenant, opened] of openedBy)
		foldIncidents(opened, leaders.get(tenant) ?? [], {
			typeOf: (id) => byId.get(id)?.type ?? 'match',
			cooldownMsOf: (id) => (byId.get(id)?.cooldownMinutes ?? 60) * MINUTE_MS
		});
	// Alerts before runs: a crash between the two re-reads these arrivals, and re-deciding them writes nothing new.
	await insertAlerts(writes);
	await insertRuleRuns(report.runs);
	// Only a tick over every tenant reads what the next tick compares with.
	if (!o.rerunFrom && !o.tenants) seen = { until: o.now, tails: new Map(plan.arrived.map((a) => [minuteKey(a.tenant, a.minute), a.tail])) };
	return report;
}

/**
 * Evaluates every enabled rule for every tenant over the windows touched by events that arrived
 * since the rule last looked, however late they happened. Evaluations of this process run one at
 * a time, so two at once (the schedule and a manual run) never race.
 */
export const evaluateRules = (o: EvaluationOptions): Promise<EvaluationReport> => alertWrites(() => evaluateAll(o));
