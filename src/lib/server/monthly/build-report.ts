import type { MonthlyReport, SummaryFigure } from '../../components/monthly/model';
import type { ChangeEventRow } from '../queries/monthly/list-month-changes';
import { getTenantSettings } from '../tenants/tenant-settings';
import { beforeAfter } from './change-text';
import { gatherMonth, type MonthData } from './gather';
import { monthLinks, type MonthLinks } from './links';
import { monthDays, monthEnded, monthLabel, monthRange, previousMonth, type Month } from './month';

/** Rows a table of the email or page shows at most; the CSV attachments hold every row. */
export const ROW_LIMIT = 50;

function summary(d: MonthData, l: MonthLinks): SummaryFigure[] {
	const t = d.totals;
	const p = d.previousTotals;
	const fig = (key: keyof typeof t, label: string, href: string): SummaryFigure => ({ key, label, value: t[key], previous: p[key], href });
	return [
		fig('events', 'Events recorded', l.events()),
		fig('active_users', 'Active users', l.events()),
		fig('sign_ins', 'Sign-ins', l.events({ category: 'authentication', outcome: 'success' })),
		fig('failed_sign_ins', 'Failed sign-ins', l.events({ category: 'authentication', outcome: 'failure' })),
		fig('exports', 'Exports', l.events({ category: 'data_export', outcome: 'success' })),
		fig('exported_records', 'Records exported', l.events({ category: 'data_export', outcome: 'success' })),
		fig('privilege_changes', 'Privilege changes', l.events({ category: ['authorization', 'user_management'], outcome: 'success' })),
		fig('configuration_changes', 'Configuration changes', l.events({ category: 'configuration', outcome: 'success' })),
		fig('deletions', 'Deletions', l.events({ outcome: 'success', q: 'delete' }))
	];
}

const changeRow = (l: MonthLinks) => (c: ChangeEventRow) => ({ occurredAt: c.occurredAt, actor: c.actor, target: c.target, action: c.action, href: l.event(c.id), ...beforeAfter(c.changes, c.changedFields) });

function sections(d: MonthData, l: MonthLinks) {
	return {
		failedLogins: d.failedLogins.map((f) => ({
			ip: f.ip, failures: f.failures, accounts: f.accounts, accountNames: d.targeted.get(f.ip)?.accounts ?? [], country: f.country,
			firstSeen: f.first_seen, lastSeen: f.last_seen, successAfter: d.targeted.get(f.ip)?.successAfter ?? false,
			href: l.events({ ip: f.ip, category: 'authentication' })
		})),
		exports: {
			count: d.totals.exports, records: d.totals.exported_records, bytes: d.totals.exported_bytes,
			byUser: d.exportsByUser.map((u) => ({ actor: u.actor, exports: u.exports, records: u.records, bytes: u.bytes, href: l.events({ actor: u.account, category: 'data_export' }) })),
			largest: d.largest.map((x) => ({ occurredAt: x.occurredAt, actor: x.actor, records: x.records, bytes: x.bytes, target: x.target, href: l.event(x.id) }))
		},
		privilegeChanges: d.privilege.map(changeRow(l)),
		configurationChanges: d.configuration.map(changeRow(l)),
		offHours: d.offHours.map((o) => ({ occurredAt: o.occurredAt, actor: o.actor, action: o.action, ip: o.ip, href: l.event(o.id) })),
		offHoursTotal: d.offHours[0]?.total ?? 0,
		deletions: { count: d.totals.deletions, byActor: d.deletions.map((a) => ({ actor: a.actor, deletions: a.deletions, href: l.events({ actor: a.account }) })) },
		massDeletions: d.massDeletions.map((m) => ({ actor: m.actor, start: `${m.start.replace(' ', 'T')}Z`, end: `${m.end.replace(' ', 'T')}Z`, deletions: m.deletions, href: l.events({ actor: m.actor }) }))
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
	const data = await gatherMonth({ tenant, ...range }, { tenant, ...prev }, settings.businessHours, timezone, ROW_LIMIT);
	const links = monthLinks(tenant, month, range.from, range.to, timezone);
	const byDay = new Map(data.days.map((d) => [d.day, d]));
	const report: MonthlyReport = {
		tenant, month, label: monthLabel(month), timezone, from: range.from.toISOString(), to: range.to.toISOString(),
		previousLabel: monthLabel(previousMonth(month)), generatedAt: now.toISOString(), complete: monthEnded(month, timezone, now),
		summary: summary(data, links),
		...sections(data, links),
		alerts: { available: false, bySeverity: [], byRule: [] },
		days: monthDays(month, timezone).map((day) => ({ day, events: byDay.get(day)?.events ?? 0, failedSignIns: byDay.get(day)?.failedSignIns ?? 0 })),
		links: { events: links.events(), security: links.security, alerts: links.alerts, page: links.page },
		rowLimit: ROW_LIMIT
	};
	return { report, data };
}
