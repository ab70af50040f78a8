import type { MonthlyReport, SummaryFigure } from '../../monthly/model';
import type { ChangeEventRow } from '../queries/monthly/list-month-changes';
import { getTenantSettings } from '../tenants/tenant-settings';
import { alertFigures } from './alert-figures';
import { CONFIG_CHANGE_DRILL, FAILED_SIGN_IN_DRILL } from '../queries/event-kinds';
import { beforeAfter } from './change-text';
import { settingName } from '../reports/change-values';
import { gatherMonth, type MonthData } from './gather';
import { monthIntegrity } from '../seals/month-integrity';
import { monthLinks, type MonthLinks } from './links';
import { monthDays, monthEnded, monthLabel, monthRange, previousMonth, type Month } from './month';

/** Rows a table of the email or page shows at most; the CSV attachments hold every row. */
export const ROW_LIMIT = 50;

const TOP = 10;
/** The security report writes times in the tenant's zone; the model keeps UTC and formats on display. */
const utc = (iso: string) => new Date(iso).toISOString();

function summary(d: MonthData, l: MonthLinks): SummaryFigure[] {
	const t = d.security.totals;
	const p = d.previousTotals;
	const q = (query: string) => `/events?${query}`;
	const fig = (key: keyof typeof p, label: string, href: string): SummaryFigure => ({ key, label, value: t[key], previous: p[key], href });
	const e = d.security.exports;
	const k = d.security.kind_links;
	const open = d.alerts.filter((a) => a.status === 'open').length;
	return [
		fig('events', 'Events recorded', q(t.events_query)),
		fig('active_users', 'Active users', q(t.events_query)),
		fig('sign_ins', 'Sign-ins', q(k.sign_ins.events_query)),
		fig('failed_sign_ins', 'Failed sign-ins', l.kind(FAILED_SIGN_IN_DRILL)),
		fig('exports', 'Exports', q(e.events_query)),
		fig('exported_records', 'Records exported', q(e.events_query)),
		fig('privilege_changes', 'Privilege changes', q(k.privilege_changes.events_query)),
		fig('configuration_changes', 'Configuration changes', l.kind(CONFIG_CHANGE_DRILL)),
		fig('deletions', 'Deletions', q(k.deletions.events_query)),
		{ key: 'alerts', label: 'Alerts raised', value: d.alerts.length, previous: d.previousAlerts.length, href: l.alerts },
		{ key: 'alerts_open', label: 'Alerts still open', value: open, previous: d.previousAlerts.filter((a) => a.status === 'open').length, href: l.alerts }
	];
}

const changeRow = (l: MonthLinks) => (c: ChangeEventRow) => ({
	occurredAt: c.occurredAt, actor: c.actor, target: c.target, action: c.action, href: l.event(c.id), ...beforeAfter(c.changes, c.changedFields),
	elevation: c.elevation, setting: settingName({ changed_fields: c.changedFields, target_name: c.target, target_id: '', action: c.action })
});
const targetText = (t: { type: string | null; id: string | null; name: string | null }) => t.name ?? (t.type ? `${t.type} ${t.id ?? ''}`.trim() : '');

function sections(d: MonthData, l: MonthLinks) {
	const s = d.security;
	const q = (query: string) => `/events?${query}`;
	return {
		failedLogins: s.failed_logins_by_ip.slice(0, TOP).map((f) => ({
			ip: f.ip, failures: f.failures, accounts: f.accounts, accountNames: d.targeted.get(f.ip) ?? [], country: f.country,
			firstSeen: utc(f.first_seen), lastSeen: utc(f.last_seen), successAfter: f.success_after, href: q(f.events_query)
		})),
		exports: {
			count: s.exports.count, records: s.exports.records, bytes: s.exports.bytes,
			byUser: s.exports.by_user.slice(0, TOP).map((u) => ({ actor: u.actor, exports: u.exports, records: u.records, bytes: u.bytes, href: q(u.events_query) })),
			largest: s.exports.largest.slice(0, TOP).map((x) => ({ occurredAt: utc(x.occurred_at), actor: x.actor, records: x.records, bytes: x.bytes, target: targetText(x.target) || x.action, href: l.event(x.id) }))
		},
		unusualExports: s.exports.unusual.map((u) => ({ actor: u.actor, records: u.records, ratio: u.ratio })),
		privilegeChanges: d.privilege.map(changeRow(l)),
		configurationChanges: d.configuration.map(changeRow(l)),
		offHours: s.off_hours.map((o) => ({ occurredAt: utc(o.occurred_at), actor: o.actor, action: o.action, ip: o.ip ?? '', href: l.event(o.id) })).sort((a, b) => a.occurredAt.localeCompare(b.occurredAt)),
		offHoursTotal: s.off_hours_summary.events,
		deletions: { count: s.deletions.count, byActor: s.deletions.by_actor.slice(0, TOP).map((a) => ({ actor: a.actor, deletions: a.deletions, href: q(a.events_query) })) },
		// The security report's bursts, found with the mass_deletion rule's current settings.
		massDeletions: s.deletions.bursts.map((b) => ({ actor: b.actor, start: utc(b.from), end: utc(b.to), deletions: b.items, href: q(b.events_query) })),
		massDeletionRule: s.rules.mass_deletion,
		alerts: alertFigures(d.alerts, d.previousAlerts, l.rule)
	};
}

export interface BuiltReport {
	report: MonthlyReport;
	data: MonthData;
}

/** The report of one tenant's calendar month in the tenant's time zone, as of `now`. */
export async function buildMonthlyReport(tenant: string, month: Month, now: Date): Promise<BuiltReport> {
	const settings = await getTenantSettings(tenant);
	const timezone = settings.businessHours.timezone;
	const range = monthRange(month, timezone);
	const prev = monthRange(previousMonth(month), timezone);
	const [data, integrity] = await Promise.all([gatherMonth({ tenant, ...range }, { tenant, ...prev }, timezone, now), monthIntegrity(tenant, range.from, range.to)]);
	const links = monthLinks(tenant, month, range.from, range.to, timezone);
	const byDay = new Map(data.days.map((d) => [d.day, d]));
	const report: MonthlyReport = {
		tenant, month, label: monthLabel(month), timezone, from: range.from.toISOString(), to: range.to.toISOString(),
		previousLabel: monthLabel(previousMonth(month)), generatedAt: now.toISOString(), complete: monthEnded(month, timezone, now),
		summary: summary(data, links),
		...sections(data, links),
		days: monthDays(month, timezone).map((day) => ({ day, events: byDay.get(day)?.events ?? 0, failedSignIns: byDay.get(day)?.failedSignIns ?? 0 })),
		links: { events: links.events(), security: links.security, alerts: links.alerts, page: links.page },
		rowLimit: ROW_LIMIT,
		integrity
	};
	return { report, data };
}
