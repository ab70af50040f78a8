import { DateTime } from 'luxon';
import type { EventOutput } from '../../schemas/event-output';
import { alertHref, evidenceHref } from '../../alerts/links';
import { latenessNote } from '../../alerts/lateness';
import type { Alert } from '../rules/decide';
import { SEVERITY_RANK } from '../../schemas/rule';
import type { IncidentAccount } from '../queries/alerts/list-incident-accounts';
import { layout, stacked, table, type Rendered } from './html';
import { escapeHtml, formatCount, formatWindow } from '../../format';
import { textLines } from './text';

export interface AlertMailContext {
	appUrl: string;
	/** The tenant's zone, shown beside UTC. */
	timezone: string;
	noun: string;
	windowMinutes: number;
	/** Up to 10 of the alert's events, oldest first. */
	samples: EventOutput[];
	/** Alerts of other rules folded into this one's incident. */
	related?: Alert[];
	/** The accounts in the incident's sign-in events: those tried, and those that got in. */
	accounts?: IncidentAccount[];
}

const accountLine = (u: IncidentAccount) => `${u.account}: ${u.failures} failed${u.sign_ins ? `, then signed in (${u.sign_ins})` : ''}`;

const PREPOSITION: Record<string, string> = { ip: 'from', country: 'from', account: 'for', actor: 'by', target: 'on', source: 'via' };
const FIELD_NAME: Record<string, string> = { ip: 'IP', country: 'Country', account: 'Account', actor: 'User', target: 'Target', source: 'Source' };


/** A group value as people know it, with the id beside where that differs: "ana@example.com (u-1004)". */
export function groupValueText(a: { groupValues: readonly string[]; groupLabels?: readonly string[] }, i: number): string {
	const value = a.groupValues[i] ?? '';
	const label = a.groupLabels?.[i] || value;
	return label === value ? value : `${label} (${value})`;
}

/** "from 203.0.113.9", "by ana@example.com on Kim Lee". */
export const groupPhrase = (a: Pick<Alert, 'groupFields' | 'groupValues'> & { groupLabels?: string[] }) =>
	a.groupFields.map((f, i) => `${PREPOSITION[f] ?? 'for'} ${a.groupLabels?.[i] || a.groupValues[i]}`).join(' ');

/** `[HIGH] Brute force by IP: 42 failed sign-ins from 203.0.113.9 in 15 min` */
export function alertSubject(a: Alert, noun: string, windowMinutes: number): string {
	return `[${a.severity.toUpperCase()}] ${a.ruleName}: ${formatCount(a.count)} ${noun} ${groupPhrase(a)} in ${formatWindow(windowMinutes, 'short')}`.replace(/[\r\n]+/g, ' ');
}

export function formatWhen(at: Date, zone: string): string {
	const utc = DateTime.fromJSDate(at, { zone: 'utc' }).toFormat("yyyy-LL-dd HH:mm:ss 'UTC'");
	const local = DateTime.fromJSDate(at, { zone }).toFormat('yyyy-LL-dd HH:mm:ss ZZZZ');
	return zone === 'UTC' ? utc : `${utc} (${local} ${zone})`;
}

function facts(a: Alert, ctx: AlertMailContext): [string, string][] {
	return [
		['Rule', `${a.ruleName} (${a.ruleId})`],
		['Severity', a.severity.toUpperCase()],
		['Tenant', a.tenant],
		...a.groupFields.map((f, i): [string, string] => [FIELD_NAME[f] ?? f, groupValueText(a, i)]),
		['Count', `${formatCount(a.count)} ${ctx.noun} (threshold ${formatCount(a.threshold)})`],
		['Events', `${formatCount(a.evidenceCount)} (every one behind the timeline link)`],
		['Window', `${formatWhen(a.windowStart, ctx.timezone)} to ${formatWhen(a.windowEnd, ctx.timezone)}`],
		['First seen', formatWhen(a.firstSeen, ctx.timezone)],
		['Last seen', formatWhen(a.lastSeen, ctx.timezone)]
	];
}

const actorOf = (e: EventOutput) => e.actor?.email ?? e.actor?.id ?? e.actor?.name ?? '';
const sampleRow = (e: EventOutput) => [e.occurred_at.replace('T', ' ').replace(/\.\d+Z$/, 'Z'), actorOf(e), e.action, e.outcome, e.ip ?? '', e.target?.name ?? e.target?.id ?? ''];
const SAMPLE_HEAD = ['Time (UTC)', 'User', 'Action', 'Result', 'IP', 'Target'];

/** The alert email: subject, a text part and an HTML part (inline styles, every value escaped). */
export function renderAlertEmail(a: Alert, ctx: AlertMailContext): Rendered {
	const subject = alertSubject(a, ctx.noun, ctx.windowMinutes);
	const alertUrl = `${ctx.appUrl}${alertHref(a.id)}`;
	const eventsUrl = `${ctx.appUrl}${evidenceHref(a)}`;
	const samples = ctx.samples.slice(0, 10);
	const total = Math.max(a.evidenceCount, a.eventIds.length);
	const shown = samples.length < total ? `${samples.length} of ${formatCount(total)} events` : `${samples.length} events`;
	const late = latenessNote(a);
	const related = (ctx.related ?? []).map((r) => `${r.ruleName} (${r.severity}): ${formatCount(r.count)} ${groupPhrase(r)}`);
	// A phone screen of accounts, those that signed in first; the alert page lists them all.
	const accounts = (ctx.accounts ?? []).slice(0, 15);
	const moreAccounts = (ctx.accounts ?? []).length - accounts.length;
	const text = textLines([
		subject,
		...(late ? ['', late] : []),
		'',
		...facts(a, ctx).map(([k, v]) => `${k}: ${v}`),
		...(related.length ? ['', 'Part of the same incident:', ...related.map((r) => `  ${r}`)] : []),
		...(accounts.length ? ['', 'Accounts:', ...accounts.map((u) => `  ${accountLine(u)}`), ...(moreAccounts > 0 ? [`  and ${moreAccounts} more accounts`] : [])] : []),
		'',
		`Sample events (${shown}):`,
		...samples.map((e) => `  ${sampleRow(e).filter(Boolean).join('  ')}`),
		'',
		`Open the alert: ${alertUrl}`,
		`See its events in the timeline: ${eventsUrl}`
	]);
	const body = `
		<h1 style="font-size:18px;margin:0 0 12px;overflow-wrap:anywhere">${escapeHtml(subject)}</h1>
		${late ? `<p style="margin:0 0 12px;padding:8px;background:#fef3c7;border-radius:4px">${escapeHtml(late)}</p>` : ''}
		${table([], facts(a, ctx), true)}
		${related.length ? `<h2 style="font-size:15px;margin:20px 0 8px">Part of the same incident</h2><ul>${related.map((r) => `<li>${escapeHtml(r)}</li>`).join('')}</ul>` : ''}
		${accounts.length ? `<h2 style="font-size:15px;margin:20px 0 8px">Accounts</h2><ul>${accounts.map((u) => `<li${u.sign_ins ? ' style="font-weight:bold;color:#b91c1c"' : ''}>${escapeHtml(accountLine(u))}</li>`).join('')}${moreAccounts > 0 ? `<li>and ${moreAccounts} more accounts</li>` : ''}</ul>` : ''}
		<h2 style="font-size:15px;margin:20px 0 8px">Sample events (${escapeHtml(shown)})</h2>
		${stacked(SAMPLE_HEAD, samples.map(sampleRow))}
		<p style="margin:20px 0;line-height:2.4">
			<a href="${escapeHtml(alertUrl)}" style="background:#1d4ed8;color:#ffffff;padding:8px 14px;border-radius:4px;text-decoration:none;white-space:nowrap">Open the alert</a>
			&nbsp; <a href="${escapeHtml(eventsUrl)}" style="color:#1d4ed8;white-space:nowrap">See its events in the timeline</a>
		</p>`;
	return { subject, text, html: layout(subject, body) };
}

/** A summary lists this many alerts, most severe and newest first; a link opens the rest. */
export const SUMMARY_ROWS = 25;

const bySeverityThenNewest = (a: Alert, b: Alert) => SEVERITY_RANK[b.severity] - SEVERITY_RANK[a.severity] || b.lastSeen.getTime() - a.lastSeen.getTime() || a.id.localeCompare(b.id);

/**
 * One email for a burst of alerts raised at once (a large import, a sender back after hours),
 * instead of one email each. It names the first SUMMARY_ROWS and links the list of all of them:
 * a catch-up over an imported month raises tens of thousands, and a phone does not open a table
 * of that size.
 */
export function renderAlertSummary(alerts: Alert[], ctx: { appUrl: string; timezone: string; tenant: string; nounOf: (ruleId: string) => string; now?: Date }): Rendered {
	const high = alerts.filter((a) => a.severity === 'high' || a.severity === 'critical').length;
	const rules = [...new Set(alerts.map((a) => a.ruleName))];
	const what = rules.length === 1 ? `${rules[0]} alerts` : 'new alerts';
	const subject = `[ALERTS] ${formatCount(alerts.length)} ${what} in ${ctx.tenant}${high ? ` (${formatCount(high)} high)` : ''}`.replace(/[\r\n]+/g, ' ');
	const shown = [...alerts].sort(bySeverityThenNewest).slice(0, SUMMARY_ROWS);
	const rows = shown.map((a) => [a.severity.toUpperCase(), a.ruleName, groupPhrase(a), `${formatCount(a.count)} ${ctx.nounOf(a.ruleId)}`, formatWhen(a.lastSeen, ctx.timezone), `${ctx.appUrl}${alertHref(a.id)}`]);
	const ruleIds = [...new Set(alerts.map((a) => a.ruleId))];
	const list = new URLSearchParams({ status: 'open', tenant: ctx.tenant, ...(ruleIds.length === 1 ? { rule_id: ruleIds[0] } : {}) });
	const listUrl = `${ctx.appUrl}/alerts?${list}`;
	const more = alerts.length - shown.length;
	const moreLine = more > 0 ? `and ${formatCount(more)} more, listed with the rest` : '';
	const text = textLines([subject, '', ...rows.map((r) => r.join('  ')), ...(moreLine ? [moreLine] : []), '', `All of them: ${listUrl}`]);
	const body = `
		<h1 style="font-size:18px;margin:0 0 12px">${escapeHtml(subject)}</h1>
		<p style="margin:0 0 12px">So many alerts were raised at once that they come in one email${alerts.some((a) => latenessNote(a)) ? ', most about events delivered late or imported' : ''}${more > 0 ? `; the ${shown.length} most severe and most recent are below` : ''}.</p>
		${table(['Severity', 'Rule', 'Group', 'Count', 'Last seen', 'Link'], rows, false, 5)}
		${more > 0 ? `<p style="margin:12px 0 0">And ${escapeHtml(formatCount(more))} more.</p>` : ''}
		<p style="margin:20px 0"><a href="${escapeHtml(listUrl)}" style="color:#1d4ed8">See all ${escapeHtml(formatCount(alerts.length))} in the alert list</a></p>`;
	return { subject, text, html: layout(subject, body) };
}
