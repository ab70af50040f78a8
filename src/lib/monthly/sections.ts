import { formatBytes, formatChange, formatNumber } from '../format';
import { changeColor, formatMinutes, formatTime, SEVERITY_COLORS } from './format';
import type { MonthlyReport } from './model';

export interface Cell {
	text: string;
	/** A path in the dashboard; the email makes it absolute. */
	href?: string;
	color?: string;
}

export interface Column {
	label: string;
	numeric?: boolean;
	/** Addresses and times break badly on a phone: kept on one line, or ('words') broken only between words. */
	nowrap?: boolean | 'words';
}

/** One section of the report as a table: the page, the HTML email and the text part all write these. */
export interface SectionSpec {
	id: string;
	title: string;
	href: string;
	note: string;
	columns: Column[];
	rows: Cell[][];
	empty: string;
	/** Rows left out of the table (they are in the CSV attachment). */
	more: number;
}

const n = (v: number): Cell => ({ text: formatNumber(v) });

function capped<T>(rows: T[], limit: number): { shown: T[]; more: number } {
	return { shown: rows.slice(0, limit), more: Math.max(0, rows.length - limit) };
}

export function summarySection(r: MonthlyReport): SectionSpec {
	return {
		id: 'summary', title: 'Summary', href: r.links.events, empty: '', more: 0,
		note: `${r.label} against ${r.previousLabel}. Every figure links to the events behind it.`,
		columns: [{ label: 'Figure' }, { label: r.label, numeric: true }, { label: r.previousLabel, numeric: true }, { label: 'Change', numeric: true }],
		rows: r.summary.map((f) => [{ text: f.label, href: f.href }, n(f.value), n(f.previous), { text: formatChange(f.value, f.previous), color: changeColor(f.value, f.previous) }])
	};
}

function failedLogins(r: MonthlyReport): SectionSpec {
	return {
		id: 'failed-logins', title: 'Failed sign-ins by IP (top 10)', href: r.links.security, more: 0,
		note: 'Source addresses with the most failed sign-ins, the accounts they aimed at, and whether a sign-in from there then succeeded.',
		empty: 'No failed sign-ins this month.',
		// Four columns, so the table still fits a phone's width.
		columns: [{ label: 'IP (country)', nowrap: true }, { label: 'Failures', numeric: true }, { label: 'Accounts targeted' }, { label: 'Success after' }],
		rows: r.failedLogins.map((f) => [
			{ text: f.country ? `${f.ip} (${f.country})` : f.ip, href: f.href },
			n(f.failures),
			{ text: `${formatNumber(f.accounts)}: ${f.accountNames.join(', ')}${f.accounts > f.accountNames.length ? ', …' : ''}` },
			{ text: f.successAfter ? 'yes' : 'no', color: f.successAfter ? '#b91c1c' : undefined }
		])
	};
}

function exportsByUser(r: MonthlyReport): SectionSpec {
	const e = r.exports;
	return {
		id: 'exports', title: 'Data exports by user (top 10)', href: r.links.security, more: 0,
		note: `${formatNumber(e.count)} exports, ${formatNumber(e.records)} records, ${formatBytes(e.bytes)} in all.`,
		empty: 'No data was exported this month.',
		columns: [{ label: 'User' }, { label: 'Exports', numeric: true }, { label: 'Records', numeric: true }, { label: 'Size', numeric: true }],
		rows: e.byUser.map((u) => [{ text: u.actor, href: u.href }, n(u.exports), n(u.records), { text: formatBytes(u.bytes) }])
	};
}

function largestExports(r: MonthlyReport): SectionSpec {
	return {
		id: 'largest-exports', title: 'Largest single exports', href: r.links.security, note: '', more: 0,
		empty: 'No data was exported this month.',
		columns: [{ label: 'When', nowrap: 'words' }, { label: 'User' }, { label: 'What' }, { label: 'Records', numeric: true }, { label: 'Size', numeric: true }],
		rows: r.exports.largest.map((x) => [{ text: formatTime(x.occurredAt, r.timezone), href: x.href }, { text: x.actor }, { text: x.target || '—' }, n(x.records), { text: formatBytes(x.bytes) }])
	};
}

function privilegeChanges(r: MonthlyReport): SectionSpec {
	const all = r.privilegeChanges;
	const { shown, more } = capped(all, r.rowLimit);
	const elevations = all.filter((c) => c.elevation).length;
	return {
		id: 'privilege-changes',
		title: `Privilege changes (${formatNumber(all.length)})`,
		href: r.links.security, more,
		note: `Every change of a role or permission: who changed whose, from what to what.${elevations ? ` ${formatNumber(elevations)} ${elevations === 1 ? 'is an elevation' : 'are elevations'} to admin, owner or full access, marked ELEVATION.` : ''}`,
		empty: 'No privilege changes this month.',
		columns: [{ label: 'When', nowrap: 'words' }, { label: 'By' }, { label: 'Whose' }, { label: 'Before' }, { label: 'After' }],
		rows: shown.map((c) => [
			{ text: formatTime(c.occurredAt, r.timezone), href: c.href },
			{ text: c.actor },
			c.elevation ? { text: `ELEVATION: ${c.target || c.action}`, color: '#b91c1c' } : { text: c.target || c.action },
			{ text: c.before || '—', color: '#b91c1c' },
			{ text: c.after || '—', color: '#047857' }
		])
	};
}

/** Configuration changes condensed to one row per setting; the CSV attachment has each change. */
function configurationChanges(r: MonthlyReport): SectionSpec {
	const all = r.configurationChanges;
	const bySetting = new Map<string, { count: number; by: Set<string>; last: string; href: string }>();
	for (const c of all) {
		const key = c.setting || c.target || c.action;
		const s = bySetting.get(key) ?? { count: 0, by: new Set<string>(), last: c.occurredAt, href: c.href };
		s.count++;
		s.by.add(c.actor);
		if (c.occurredAt >= s.last) Object.assign(s, { last: c.occurredAt, href: c.href });
		bySetting.set(key, s);
	}
	const settings = [...bySetting.entries()].sort((a, b) => b[1].count - a[1].count || a[0].localeCompare(b[0]));
	const { shown, more } = capped(settings, r.rowLimit);
	return {
		id: 'configuration-changes',
		title: `Configuration changes (${formatNumber(all.length)})`,
		href: r.links.security, more,
		note: `${formatNumber(all.length)} ${all.length === 1 ? 'change' : 'changes'} to ${formatNumber(settings.length)} ${settings.length === 1 ? 'setting' : 'settings'}, counted per setting; the attached CSV has every change with its before and after.`,
		empty: 'No configuration changes this month.',
		columns: [{ label: 'Setting' }, { label: 'Changes', numeric: true }, { label: 'By' }, { label: 'Last', nowrap: 'words' }],
		rows: shown.map(([setting, s]) => [{ text: setting }, n(s.count), { text: [...s.by].slice(0, 3).join(', ') + (s.by.size > 3 ? `, +${s.by.size - 3}` : '') }, { text: formatTime(s.last, r.timezone), href: s.href }])
	};
}

function offHours(r: MonthlyReport): SectionSpec {
	const { shown, more } = capped(r.offHours, r.rowLimit);
	return {
		id: 'off-hours', title: `Off-hours activity (${formatNumber(r.offHoursTotal)})`, href: r.links.security,
		more: more + Math.max(0, r.offHoursTotal - r.offHours.length),
		note: 'Sign-ins and sensitive actions outside the tenant\u2019s business hours.',
		empty: 'No activity outside business hours this month.',
		columns: [{ label: 'When', nowrap: 'words' }, { label: 'User' }, { label: 'Action' }, { label: 'IP', nowrap: true }],
		rows: shown.map((o) => [{ text: formatTime(o.occurredAt, r.timezone), href: o.href }, { text: o.actor }, { text: o.action }, { text: o.ip || '—' }])
	};
}

/** The mass_deletion rule's settings in words, as the section counted with them. */
export function massDeletionRuleText(s: MonthlyReport['massDeletionRule']): string {
	const single = s.single_items ? `, or one bulk deletion of at least ${formatNumber(s.single_items)} items` : '';
	return `at least ${formatNumber(s.deletions)} deletions by one person within ${formatNumber(s.window_minutes)} minutes${single} (the mass deletion rule's settings)`;
}

function massDeletions(r: MonthlyReport): SectionSpec {
	const d = r.deletions;
	const top = d.byActor.slice(0, 5).map((a) => `${a.actor} (${formatNumber(a.deletions)})`).join(', ');
	return {
		id: 'deletions', title: 'Deletions and mass deletions', href: r.links.events, more: 0,
		note: `${formatNumber(d.count)} deletions this month${top ? `; most by ${top}` : ''}. Mass deletions: ${massDeletionRuleText(r.massDeletionRule)}.`,
		empty: 'No mass deletions this month.',
		columns: [{ label: 'From' }, { label: 'To' }, { label: 'User' }, { label: 'Items deleted', numeric: true }],
		rows: r.massDeletions.map((m) => [{ text: formatTime(m.start, r.timezone), href: m.href }, { text: formatTime(m.end, r.timezone) }, { text: m.actor }, n(m.deletions)])
	};
}

function alertsByRule(r: MonthlyReport): SectionSpec {
	const sev = r.alerts.bySeverity.map((s) => `${s.severity} ${formatNumber(s.raised)} (${formatNumber(s.open)} open)`).join(', ');
	return {
		id: 'alerts', title: 'Alerts raised, by rule', href: r.links.alerts, more: 0,
		note: r.alerts.available ? `By severity: ${sev || 'none'}. Times are means from raised to acknowledged and to resolved.` : 'Alerting is not set up in this installation.',
		empty: 'No alerts were raised this month.',
		columns: [{ label: 'Rule' }, { label: 'Severities' }, { label: 'Raised', numeric: true }, { label: 'Open', numeric: true }, { label: 'To acknowledge', numeric: true }, { label: 'To resolve', numeric: true }],
		rows: r.alerts.byRule.map((a) => [
			{ text: a.ruleName, href: a.href },
			{ text: (a.severities ?? [{ severity: a.severity, count: a.raised }]).map((x) => `${formatNumber(x.count)} ${x.severity}`).join(', '), color: SEVERITY_COLORS[a.severity] },
			n(a.raised),
			n(a.open),
			{ text: formatMinutes(a.meanAckMinutes) },
			{ text: formatMinutes(a.meanResolveMinutes) }
		])
	};
}

/** The sections after the summary and the charts, in the order the issue lists them. */
export const detailSections = (r: MonthlyReport): SectionSpec[] => [
	failedLogins(r),
	exportsByUser(r),
	largestExports(r),
	privilegeChanges(r),
	configurationChanges(r),
	offHours(r),
	massDeletions(r),
	alertsByRule(r)
];
