/**
 * Europe/Paris wall-clock arithmetic without Intl: the demo's working-hours rhythm must not depend
 * on the ICU data a runtime ships, and this runs tens of thousands of times per generation.
 * The EU rule (last Sunday of March and of October, at 01:00 UTC) has held since 1996.
 */
export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

const lastSundayAt0100Utc = (year: number, month: number): number => {
	const lastDay = Date.UTC(year, month + 1, 0);
	return lastDay - new Date(lastDay).getUTCDay() * DAY + HOUR;
};

export function parisOffsetMs(utcMs: number): number {
	const year = new Date(utcMs).getUTCFullYear();
	const summer = utcMs >= lastSundayAt0100Utc(year, 2) && utcMs < lastSundayAt0100Utc(year, 9);
	return summer ? 2 * HOUR : HOUR;
}

/**
 * UTC instant for a Paris wall-clock time given as ms since the local epoch. The second pass fixes
 * the guess near a change of offset; a skipped spring hour maps an hour later, which is harmless here.
 */
export function parisToUtc(localMs: number): number {
	const guess = localMs - parisOffsetMs(localMs - HOUR);
	return localMs - parisOffsetMs(guess);
}

/** Days since 1970-01-01 on the Paris calendar. */
export const parisDay = (utcMs: number): number => Math.floor((utcMs + parisOffsetMs(utcMs)) / DAY);

/** 0 = Sunday ... 6 = Saturday, like Date#getDay (1970-01-01 was a Thursday). */
export const weekdayOf = (day: number): number => (((day + 4) % 7) + 7) % 7;

export const isWeekend = (day: number): boolean => weekdayOf(day) === 0 || weekdayOf(day) === 6;

/** UTC instant of `minutes` past Paris midnight on `day`. */
export const parisAt = (day: number, minutes: number): number => parisToUtc(day * DAY + Math.round(minutes * MINUTE));
