/** How the report writes times, durations and colours; numbers, sizes and changes come from lib/format. */

/** A time in the tenant's zone, to the minute: "2026-11-03 14:05". */
export function formatTime(iso: string, timeZone: string): string {
	const parts = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).formatToParts(new Date(iso));
	const get = (t: string) => parts.find((p) => p.type === t)?.value ?? '';
	return `${get('year')}-${get('month')}-${get('day')} ${get('hour')}:${get('minute')}`;
}

/** Colour of a change: more failures or changes are worth a look, so rises are amber, never green. */
export const changeColor = (value: number, previous: number) => (value > previous ? '#b45309' : value < previous ? '#047857' : '#64748b');

export const formatMinutes = (m: number | null) => (m === null ? '—' : m < 60 ? `${Math.round(m)} min` : m < 2880 ? `${(m / 60).toFixed(1)} h` : `${(m / 1440).toFixed(1)} days`);

export const SEVERITY_COLORS: Record<string, string> = { critical: '#7f1d1d', high: '#b91c1c', medium: '#b45309', low: '#1d4ed8', info: '#475569' };
