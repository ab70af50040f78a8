/** A stored time (`2026-05-01 12:00:00.000`, UTC) as ISO 8601, for `<time datetime>`. */
export const isoOf = (chTime: string) => (chTime.includes('T') ? chTime : `${chTime.replace(' ', 'T')}Z`);

/**
 * A stored time for a table: to the minute, in UTC and saying so. The same text on the server
 * and in the browser, so hydration never disagrees with what was first drawn.
 */
export function shortTime(chTime: string | null | undefined, zone = 'UTC'): string {
	if (!chTime) return '';
	if (zone === 'UTC') return `${isoOf(chTime).slice(0, 16).replace('T', ' ')} UTC`;
	// In the page's zone, named beside the time ("2026-11-30 17:25 GMT+1"): server and browser get the zone from the same data.
	const parts = new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZoneName: 'short' }).formatToParts(new Date(isoOf(chTime)));
	const get = (t: string) => parts.find((p) => p.type === t)?.value ?? '';
	return `${get('year')}-${get('month')}-${get('day')} ${get('hour')}:${get('minute')} ${get('timeZoneName')}`;
}

/** A period for a table, to the minute in the zone and naming it, the day written once when both ends share it. */
export function shortPeriod(from: string, to: string, zone = 'UTC'): string {
	const [a, b] = [shortTime(from, zone), shortTime(to, zone)];
	return a.slice(0, 10) === b.slice(0, 10) ? `${a.slice(0, 16)}–${b.slice(11)}` : `${a.slice(0, 16)} – ${b}`;
}
