import { and, byActor, eventsQuery, kindGroupDrill, oneEvent, type Drill, type EventsBase } from '../../reports/events-query';
import { EXPORT_DRILL, FAILED_SIGN_IN_DRILL } from '../queries/event-kinds';
import { listActivitySeries, type ActivitySeriesRow } from '../queries/reports/list-activity-series';
import { listExportsByUser } from '../queries/reports/list-exports-by-user';
import { listFailedLoginsByCountry } from '../queries/reports/list-failed-logins-by-country';
import { listFailedLoginsByIp } from '../queries/reports/list-failed-logins-by-ip';
import { listLargestExports } from '../queries/reports/list-largest-exports';
import { listLastSignInsByIp } from '../queries/reports/list-last-sign-ins-by-ip';
import type { ReportQuery } from './report-query';
import type { SecurityReport, Target } from '../../reports/security-report-types';
import { fillSeries, isoIn, seriesBuckets, seriesUnit } from './series';
import type { ReportRuleSettings } from './rule-settings';
import { unusualExporters } from './unusual-exports';

export const LIMITS = { failed_logins_by_ip: 25, failed_logins_by_country: 20, exports_by_user: 20, largest_exports: 10, privilege_changes: 100, configuration_changes: 100, deletion_groups: 20, deletion_bursts: 20, off_hours: 100 };

export const baseOf = (q: ReportQuery): EventsBase => ({ from: q.from, to: q.to, tenant: q.tenant, timezone: q.timezone, filter: q.filter });
export const targetOf = (r: { target_type: string; target_id: string; target_name: string }): Target => ({ type: r.target_type || null, id: r.target_id || null, name: r.target_name || null });

/** One event as a report section lists it: when (in the report's zone), who, what, on what, and its link. */
export const eventSummary = (q: ReportQuery, base: EventsBase, r: { id: string; occurred_at: Date; actor: string; actor_name: string; action: string; target_type: string; target_id: string; target_name: string }) => ({
	id: r.id,
	occurred_at: isoIn(r.occurred_at, q.timezone),
	actor: r.actor,
	actor_name: r.actor_name || null,
	action: r.action,
	target: targetOf(r),
	events_query: eventsQuery(base, oneEvent(r.id))
});
const spanDrill = (s: { from: string; to: string }, d: Drill): Drill => and(d, { from: new Date(s.from), to: new Date(s.to) });

export async function failedLoginSections(q: ReportQuery) {
	const base = baseOf(q);
	const [byIp, byCountry] = await Promise.all([listFailedLoginsByIp(q, LIMITS.failed_logins_by_ip), listFailedLoginsByCountry(q, LIMITS.failed_logins_by_country)]);
	const lastSignIn = await listLastSignInsByIp(q, byIp.map((r) => r.ip));
	return {
		failed_logins_by_ip: byIp.map((r) => ({
			ip: r.ip,
			failures: r.failures,
			accounts: r.accounts,
			first_seen: isoIn(r.first_seen, q.timezone),
			last_seen: isoIn(r.last_seen, q.timezone),
			country: r.country,
			success_after: (lastSignIn.get(r.ip)?.getTime() ?? 0) > r.first_seen.getTime(),
			events_query: eventsQuery(base, and(FAILED_SIGN_IN_DRILL, { ip: r.ip }))
		})),
		failed_logins_by_country: byCountry.map((r) => ({
			...r,
			// Per-country counts hold failures that came from an address only, as the IP table does. The
			// timeline's country:eq lower-cases the value but not the stored code, so a two-letter code is
			// matched with contains (case-insensitive; on two letters, the same as equals).
			events_query: eventsQuery(base, and(FAILED_SIGN_IN_DRILL, { f: [r.country ? `country:contains:${r.country}` : 'country:eq:', 'ip:ne:::'] }))
		}))
	} satisfies Partial<SecurityReport>;
}

export function seriesSections(q: ReportQuery, rows: ActivitySeriesRow[]) {
	const base = baseOf(q);
	const buckets = seriesBuckets(q.from, q.to, q.timezone, seriesUnit(q.from, q.to));
	const failed = fillSeries(buckets, rows, (r) => ({ failures: r?.failed_sign_ins ?? 0 }));
	const exports = fillSeries(buckets, rows, (r) => ({ exports: r?.exports ?? 0, records: r?.exported_records ?? 0, bytes: r?.exported_bytes ?? 0 }));
	return {
		failed_logins_over_time: failed.map((s) => ({ ...s, events_query: eventsQuery(base, spanDrill(s, FAILED_SIGN_IN_DRILL)) })),
		exports_over_time: exports.map((s) => ({ ...s, events_query: eventsQuery(base, spanDrill(s, EXPORT_DRILL)) })),
		deletions_over_time: fillSeries(buckets, rows, (r) => ({ deletions: r?.deletions ?? 0 }))
	};
}

export const loadSeries = (q: ReportQuery) => listActivitySeries(q, seriesUnit(q.from, q.to));

export async function exportSections(q: ReportQuery, settings: ReportRuleSettings['unusual_exports']) {
	const base = baseOf(q);
	const [users, largest] = await Promise.all([listExportsByUser(q, { limit: 200 }), listLargestExports(q, LIMITS.largest_exports)]);
	const baselineQ = { ...q, from: new Date(q.from.getTime() - settings.baseline_days * 86400e3), to: q.from };
	const baseline = users.length ? await listExportsByUser(baselineQ, { limit: 200, actors: users.map((u) => u.actor) }) : [];
	return {
		by_user: users.slice(0, LIMITS.exports_by_user).map((u) => ({ actor: u.actor, exports: u.exports, records: u.records, bytes: u.bytes, events_query: eventsQuery(base, and(EXPORT_DRILL, byActor(u.actor))) })),
		largest: largest.map((r) => ({ ...eventSummary(q, base, r), records: r.records, bytes: r.bytes })),
		unusual: unusualExporters(settings, q.to.getTime() - q.from.getTime(), users, baseline).map((u) => ({ ...u, events_query: eventsQuery(base, and(EXPORT_DRILL, byActor(u.actor))) }))
	};
}

export function groupLink(base: EventsBase, wider: Drill, g: { actions: string[]; by_action: boolean; ids: string[] }) {
	const { drill, exact } = kindGroupDrill(wider, g);
	return { events_query: eventsQuery(base, drill), exact };
}
