import { DateTime } from 'luxon';
import type { EventOutput } from '../../schemas/event-output';
import { alertHref, evidenceHref } from '../../alerts/links';
import type { Alert } from '../rules/decide';
import { escapeHtml, layout, table, type Rendered } from './html';
import { textLines } from './text';

export interface AlertMailContext {
	appUrl: string;
	/** The tenant's zone, shown beside UTC. */
	timezone: string;
	noun: string;
	windowMinutes: number;
	/** Up to 10 of the alert's events, oldest first. */
	samples: EventOutput[];
}

const PREPOSITION: Record<string, string> = { ip: 'from', country: 'from', account: 'for', actor: 'by', target: 'on', source: 'via' };
const FIELD_NAME: Record<string, string> = { ip: 'IP', country: 'Country', account: 'Account', actor: 'User', target: 'Target', source: 'Source' };

export const formatCount = (n: number) => Math.round(n).toLocaleString('en-US');
export const formatWindow = (minutes: number) => (minutes % 1440 === 0 ? `${minutes / 1440 * 24} h` : minutes % 60 === 0 && minutes >= 120 ? `${minutes / 60} h` : `${minutes} min`);

/** "from 203.0.113.9", "by u-1004 on user:u-1011". */
export const groupPhrase = (a: Pick<Alert, 'groupFields' | 'groupValues'>) =>
	a.groupFields.map((f, i) => `${PREPOSITION[f] ?? 'for'} ${a.groupValues[i]}`).join(' ');

/** `[HIGH] Brute force by IP: 42 failed sign-ins from 203.0.113.9 in 15 min` */
export function alertSubject(a: Alert, noun: string, windowMinutes: number): string {
	return `[${a.severity.toUpperCase()}] ${a.ruleName}: ${formatCount(a.count)} ${noun} ${groupPhrase(a)} in ${formatWindow(windowMinutes)}`.replace(/[\r\n]+/g, ' ');
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
		...a.groupFields.map((f, i): [string, string] => [FIELD_NAME[f] ?? f, a.groupValues[i]]),
		['Count', `${formatCount(a.count)} ${ctx.noun} (threshold ${formatCount(a.threshold)})`],
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
	const shown = samples.length < a.eventIds.length ? `${samples.length} of ${a.eventIds.length} events` : `${samples.length} events`;
	const text = textLines([
		subject,
		'',
		...facts(a, ctx).map(([k, v]) => `${k}: ${v}`),
		'',
		`Sample events (${shown}):`,
		...samples.map((e) => `  ${sampleRow(e).filter(Boolean).join('  ')}`),
		'',
		`Open the alert: ${alertUrl}`,
		`See its events in the timeline: ${eventsUrl}`
	]);
	const body = `
		<h1 style="font-size:18px;margin:0 0 12px">${escapeHtml(subject)}</h1>
		${table([], facts(a, ctx), true)}
		<h2 style="font-size:15px;margin:20px 0 8px">Sample events (${escapeHtml(shown)})</h2>
		${table(SAMPLE_HEAD, samples.map(sampleRow))}
		<p style="margin:20px 0">
			<a href="${escapeHtml(alertUrl)}" style="background:#1d4ed8;color:#ffffff;padding:8px 14px;border-radius:4px;text-decoration:none">Open the alert</a>
			&nbsp; <a href="${escapeHtml(eventsUrl)}" style="color:#1d4ed8">See its events in the timeline</a>
		</p>`;
	return { subject, text, html: layout(subject, body) };
}

/** One email for a burst of alerts from one evaluation, instead of one email each. */
export function renderAlertSummary(alerts: Alert[], ctx: { appUrl: string; timezone: string; tenant: string; nounOf: (ruleId: string) => string }): Rendered {
	const high = alerts.filter((a) => a.severity === 'high' || a.severity === 'critical').length;
	const subject = `[ALERTS] ${alerts.length} new alerts in ${ctx.tenant}${high ? ` (${high} high)` : ''}`.replace(/[\r\n]+/g, ' ');
	const rows = alerts.map((a) => [a.severity.toUpperCase(), a.ruleName, groupPhrase(a), `${formatCount(a.count)} ${ctx.nounOf(a.ruleId)}`, formatWhen(a.lastSeen, ctx.timezone), `${ctx.appUrl}${alertHref(a.id)}`]);
	const text = textLines([subject, '', ...rows.map((r) => r.join('  ')), '', `All alerts: ${ctx.appUrl}/alerts?status=open`]);
	const body = `
		<h1 style="font-size:18px;margin:0 0 12px">${escapeHtml(subject)}</h1>
		<p style="margin:0 0 12px">So many alerts were raised at once that they come in one email.</p>
		${table(['Severity', 'Rule', 'Group', 'Count', 'Last seen', 'Link'], rows, false, 5)}
		<p style="margin:20px 0"><a href="${escapeHtml(`${ctx.appUrl}/alerts?status=open`)}" style="color:#1d4ed8">See all open alerts</a></p>`;
	return { subject, text, html: layout(subject, body) };
}
