/** A stored time (`2026-05-01 12:00:00.000`, UTC) as ISO 8601, for `<time datetime>`. */
export const isoOf = (chTime: string) => (chTime.includes('T') ? chTime : `${chTime.replace(' ', 'T')}Z`);

/**
 * A stored time for a table: to the minute, in UTC and saying so. The same text on the server
 * and in the browser, so hydration never disagrees with what was first drawn.
 */
export const shortTime = (chTime: string | null | undefined) => (chTime ? `${isoOf(chTime).slice(0, 16).replace('T', ' ')} UTC` : '');

/** A period for a table, to the minute in UTC, the day written once when both ends share it. */
export function shortPeriod(from: string, to: string): string {
	const [a, b] = [shortTime(from), shortTime(to)];
	return a.slice(0, 10) === b.slice(0, 10) ? `${a.slice(0, 16)}–${b.slice(11)}` : `${a.slice(0, 16)} – ${b}`;
}
