import { DateTime } from 'luxon';

/** A calendar month as `YYYY-MM`. */
export type Month = string;

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;

export const isMonth = (s: string): s is Month => MONTH.test(s) && Number(s.slice(0, 4)) >= 2000;

/** The first instant of a month in a zone; luxon moves a midnight that DST skips to the next valid time. */
function startOf(month: Month, zone: string): DateTime {
	const [y, m] = month.split('-').map(Number);
	return DateTime.fromObject({ year: y, month: m, day: 1 }, { zone }).startOf('month');
}

/** [from, to) of a calendar month in a zone: from its first midnight to the next month's. */
export function monthRange(month: Month, zone: string): { from: Date; to: Date } {
	const start = startOf(month, zone);
	return { from: start.toJSDate(), to: start.plus({ months: 1 }).toJSDate() };
}

export const shiftMonth = (month: Month, by: number): Month => startOf(month, 'UTC').plus({ months: by }).toFormat('yyyy-MM');

export const previousMonth = (month: Month): Month => shiftMonth(month, -1);

/** The month a moment falls in, in a zone. */
export const monthOf = (at: Date, zone: string): Month => DateTime.fromJSDate(at, { zone }).toFormat('yyyy-MM');

/** "November 2026". */
export const monthLabel = (month: Month): string => startOf(month, 'UTC').setLocale('en-GB').toFormat('LLLL yyyy');

/** The days of a month in a zone as `YYYY-MM-DD`, for per-day series. */
export function monthDays(month: Month, zone: string): string[] {
	const start = startOf(month, zone);
	return Array.from({ length: start.daysInMonth ?? 31 }, (_, i) => start.plus({ days: i }).toFormat('yyyy-MM-dd'));
}

/** The report of a month is due from 08:00 on the 1st of the next month, in the schedule's zone. */
export const SEND_HOUR = 8;

/** When a month's report becomes due. */
export function dueAt(month: Month, zone: string): Date {
	return startOf(shiftMonth(month, 1), zone).set({ hour: SEND_HOUR }).toJSDate();
}

/**
 * The latest month whose report is due at `now`: the previous month once 08:00 on the 1st has
 * passed in `zone`, else the month before it. Older months are never sent on their own (a fresh
 * install would otherwise mail years of reports); an administrator can still send any of them.
 */
export function dueMonth(now: Date, zone: string): Month {
	const current = monthOf(now, zone);
	const last = previousMonth(current);
	return now >= dueAt(last, zone) ? last : previousMonth(last);
}

/** Whether a month has ended in a zone (a report of a month still running is a preview). */
export const monthEnded = (month: Month, zone: string, now: Date): boolean => now >= monthRange(month, zone).to;
