import { DateTime } from 'luxon';
import { canonicalTimeZone, notATimeZone } from '../schemas/time-zone';

/** The periods a report offers; `month` is a calendar month of the zone, `custom` any range. */
export const PERIOD_CHOICES = [
	{ value: '24h', label: 'Last 24 hours' },
	{ value: '7d', label: 'Last 7 days' },
	{ value: '30d', label: 'Last 30 days' },
	{ value: 'month', label: 'Calendar month' },
	{ value: 'custom', label: 'Custom range' }
] as const;
export type PeriodChoice = (typeof PERIOD_CHOICES)[number]['value'];

export interface PeriodInput {
	period?: string;
	/** `YYYY-MM`, with period=month. */
	month?: string;
	/** With period=custom: ISO 8601, or a local `YYYY-MM-DDTHH:mm` read in the zone. */
	from?: string;
	to?: string;
	tz: string;
}

export interface ResolvedPeriod {
	choice: PeriodChoice;
	from: Date;
	to: Date;
	/** `YYYY-MM` of the month shown (the current one when none was chosen). */
	month: string;
}

const RELATIVE: Record<string, number> = { '24h': 24, '7d': 7 * 24, '30d': 30 * 24 };

/** A time as typed: ISO with an offset, or local date-time of the zone. */
function readTime(text: string, tz: string): DateTime | null {
	const withZone = /([zZ]|[+-]\d\d:?\d\d)$/.test(text);
	const t = withZone ? DateTime.fromISO(text, { setZone: true }) : DateTime.fromISO(text, { zone: tz });
	return t.isValid ? t : null;
}

/**
 * The period of a report from what a page or the API was given, or the name of the bad parameter.
 * Relative periods end now; a month runs from its first midnight to the next month's, in the zone.
 */
export function resolvePeriod(input: PeriodInput, now: Date, fallback: PeriodChoice = '7d'): ResolvedPeriod | { param: string; message: string } {
	const choice = (input.period || fallback) as PeriodChoice;
	const current = DateTime.fromJSDate(now, { zone: input.tz }).toFormat('yyyy-MM');
	if (choice in RELATIVE) return { choice, from: new Date(now.getTime() - RELATIVE[choice] * 3600e3), to: now, month: current };
	if (choice === 'month') {
		const month = input.month || current;
		if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(month)) return { param: 'month', message: 'must be a month as YYYY-MM' };
		const start = DateTime.fromFormat(month, 'yyyy-MM', { zone: input.tz });
		return { choice, from: start.toJSDate(), to: start.plus({ months: 1 }).toJSDate(), month };
	}
	if (choice === 'custom') {
		const from = input.from ? readTime(input.from, input.tz) : null;
		if (!from) return { param: 'from', message: 'must be a date and time, such as 2026-11-01T00:00' };
		const to = input.to ? readTime(input.to, input.tz) : DateTime.fromJSDate(now);
		if (!to) return { param: 'to', message: 'must be a date and time, such as 2026-11-30T23:59' };
		if (from >= to) return { param: 'from', message: 'must be before to' };
		return { choice, from: from.toJSDate(), to: to.toJSDate(), month: current };
	}
	return { param: 'period', message: `must be one of ${PERIOD_CHOICES.map((p) => p.value).join(', ')}` };
}

/** The previous period to compare with: the month before for a month, else the same length just before. */
export function previousOf(p: ResolvedPeriod, tz: string): { from: Date; to: Date } {
	if (p.choice === 'month') return { from: DateTime.fromJSDate(p.from, { zone: tz }).minus({ months: 1 }).toJSDate(), to: p.from };
	const len = p.to.getTime() - p.from.getTime();
	return { from: new Date(p.from.getTime() - len), to: p.from };
}

/** A time as people read it in the zone, with the zone's abbreviation (`25 Oct 2026, 02:30 CET`). */
export function formatIn(iso: string | Date, tz: string, withSeconds = false): string {
	const d = typeof iso === 'string' ? DateTime.fromISO(iso, { setZone: true }) : DateTime.fromJSDate(iso);
	return d.setZone(tz).toFormat(withSeconds ? 'd LLL yyyy, HH:mm:ss ZZZZ' : 'd LLL yyyy, HH:mm ZZZZ');
}

/** A time in a table row: day, month and time with the zone's offset (`25 Oct, 02:30 GMT+1`); the year is in the period line. */
export function formatShort(iso: string | Date, tz: string, withSeconds = false): string {
	const d = typeof iso === 'string' ? DateTime.fromISO(iso, { setZone: true }) : DateTime.fromJSDate(iso);
	return d.setZone(tz).toFormat(withSeconds ? 'd LLL, HH:mm:ss ZZZZ' : 'd LLL, HH:mm ZZZZ');
}

/** A local `YYYY-MM-DDTHH:mm` of the zone, for datetime-local inputs. */
export const localInput = (d: Date, tz: string) => DateTime.fromJSDate(d, { zone: tz }).toFormat("yyyy-MM-dd'T'HH:mm");

export interface PagePeriod extends ResolvedPeriod {
	tz: string;
	previous: { from: Date; to: Date };
}

/** A report page's period from its URL (`period`, `month`, `from`, `to`, `tz`), or the bad parameter. */
export function periodFromParams(params: URLSearchParams, now: Date, fallbackTz: string, fallback: PeriodChoice = '7d'): PagePeriod | { param: string; message: string } {
	const asked = params.get('tz') || fallbackTz;
	const tz = canonicalTimeZone(asked);
	if (!tz) return { param: 'tz', message: notATimeZone(asked) };
	const input = { period: params.get('period') ?? undefined, month: params.get('month') ?? undefined, from: params.get('from') ?? undefined, to: params.get('to') ?? undefined, tz };
	const p = resolvePeriod(input, now, fallback);
	if ('param' in p) return p;
	return { ...p, tz, previous: previousOf(p, tz) };
}

/** The URL parameters that reproduce a period (for links between the overview and the report). */
export function periodParams(p: PagePeriod): URLSearchParams {
	const out = new URLSearchParams({ period: p.choice, tz: p.tz });
	if (p.choice === 'month') out.set('month', p.month);
	if (p.choice === 'custom') {
		out.set('from', localInput(p.from, p.tz));
		out.set('to', localInput(p.to, p.tz));
	}
	return out;
}

/**
 * A page's period, answering a bad one in place: the bad parameter and why, beside the default
 * period (in the zone asked for, when that one is good) so the rest of the page still shows.
 */
export function periodOrDefault(params: URLSearchParams, now: Date, fallbackTz: string): { p: PagePeriod; error: { param: string; message: string } | null } {
	const p = periodFromParams(params, now, fallbackTz);
	if (!('param' in p)) return { p, error: null };
	const kept = new URLSearchParams();
	const tz = params.get('tz');
	if (tz && p.param !== 'tz') kept.set('tz', tz);
	return { p: periodFromParams(kept, now, fallbackTz) as PagePeriod, error: p };
}
