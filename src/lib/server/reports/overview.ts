import { CATEGORIES } from '../../schemas/event-input';
import { and, eventsQuery, oneEvent } from '../../reports/events-query';
import { EXPORT_DRILL, FAILED_SIGN_IN_DRILL, PRIVILEGE_WIDER } from '../queries/event-kinds';
import { evidenceHref, alertHref } from '../../alerts/links';
import { countOpenAlerts } from '../queries/alerts/count-open-alerts';
import { listAlerts } from '../queries/alerts/list-alerts';
import { getKindDrill } from '../queries/reports/get-kind-drill';
import { listChangeEvents } from '../queries/reports/list-change-events';
import { listFailedLoginsByIp } from '../queries/reports/list-failed-logins-by-ip';
import { listLastSignInsByIp } from '../queries/reports/list-last-sign-ins-by-ip';
import { listVolumeByCategory } from '../queries/reports/list-volume-by-category';
import { getPeriodTotals, type PeriodTotals } from './period-totals';
import { baseOf, groupLink } from './report-sections';
import { checkReportQuery, type ReportQuery } from './report-query';
import { isoIn, seriesBuckets, seriesUnit } from './series';

export interface VolumeSeries {
	category: string;
	points: { from: string; to: string; events: number; events_query: string }[];
}

/** Event volume per category over the period, every bucket present (zeros included). */
async function volume(q: ReportQuery): Promise<VolumeSeries[]> {
	const unit = seriesUnit(q.from, q.to);
	const rows = await listVolumeByCategory(q, unit);
	const buckets = seriesBuckets(q.from, q.to, q.timezone, unit);
	const categories = [...new Set(rows.map((r) => r.category))].sort((a, b) => CATEGORIES.indexOf(a as never) - CATEGORIES.indexOf(b as never));
	const byKey = new Map(rows.map((r) => [`${r.t}|${r.category}`, r.n]));
	const base = baseOf(q);
	return categories.map((category) => ({
		category,
		points: buckets.map((b) => ({
			from: b.from,
			to: b.to,
			events: byKey.get(`${b.key}|${category}`) ?? 0,
			events_query: eventsQuery(base, { from: new Date(b.from), to: new Date(b.to), category: [category] })
		}))
	}));
}

/** The overview of a period against the one before: totals, volume, top failing addresses, latest privilege changes. */
export async function getOverview(q: ReportQuery, previous: ReportQuery) {
	checkReportQuery(q);
	const base = baseOf(q);
	// Unresolved alerts are a state, not a count of the period: read as of now, over the last year.
	const since = new Date(Date.now() - 365 * 86400e3);
	const [totals, before, series, ips, privilege, privilegeAll, openAlerts, latestAlerts] = await Promise.all([
		getPeriodTotals(q),
		getPeriodTotals(previous),
		volume(q),
		listFailedLoginsByIp(q, 5),
		listChangeEvents(q, 'privilege_change', 5),
		getKindDrill(q, 'privilege_change'),
		countOpenAlerts(q.scope, q.tenant),
		listAlerts(q.scope, { tenant: q.tenant, status: ['open', 'acknowledged'], since, limit: 5 })
	]);
	const lastSignIn = await listLastSignInsByIp(q, ips.map((r) => r.ip));
	return {
		totals,
		previous: before as PeriodTotals,
		volume: series,
		failing_ips: ips.map((r) => ({
			...r,
			first_seen: isoIn(r.first_seen, q.timezone),
			last_seen: isoIn(r.last_seen, q.timezone),
			success_after: (lastSignIn.get(r.ip)?.getTime() ?? 0) > r.first_seen.getTime(),
			events_query: eventsQuery(base, and(FAILED_SIGN_IN_DRILL, { ip: r.ip }))
		})),
		privilege_changes: privilege.map((r) => ({
			id: r.id,
			occurred_at: isoIn(r.occurred_at, q.timezone),
			actor: r.actor,
			action: r.action,
			target: r.target_name || r.target_id || r.target_type,
			elevation: r.elevation,
			events_query: eventsQuery(base, oneEvent(r.id))
		})),
		privilege_link: groupLink(base, PRIVILEGE_WIDER, privilegeAll),
		/** The timeline queries of the period's failed sign-ins and exports (kinds defined in event-kinds.ts). */
		failed_sign_ins_query: eventsQuery(base, FAILED_SIGN_IN_DRILL),
		exports_query: eventsQuery(base, EXPORT_DRILL),
		open_alerts: openAlerts,
		latest_alerts: latestAlerts.map((a) => ({
			id: a.id,
			severity: a.severity,
			status: a.status,
			rule: a.ruleName,
			group: a.groupFields.map((f, i) => `${f} ${a.groupValues[i]}`).join(', '),
			count: a.count,
			last_seen: isoIn(a.lastSeen, q.timezone),
			href: alertHref(a.id),
			events_href: evidenceHref(a)
		}))
	};
}
