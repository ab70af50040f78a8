/** How the report writes numbers, sizes, times and changes; shared by the HTML and text parts. */

export const formatNumber = (n: number) => n.toLocaleString('en-US');

export function formatBytes(n: number): string {
	const units = ['B', 'KB', 'MB', 'GB', 'TB'];
	let v = n;
	let i = 0;
	while (v >= 1024 && i < units.length - 1) {
		v /= 1024;
		i++;
	}
	return i === 0 ? `${n} B` : `${v.toFixed(v < 10 ? 1 : 0)} ${units[i]}`;
}

/** A time in the tenant's zone, to the minute: "2026-11-03 14:05". */
export function formatTime(iso: string, timeZone: string): string {
	const parts = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).formatToParts(new Date(iso));
	const get = (t: string) => parts.find((p) => p.type === t)?.value ?? '';
	return `${get('year')}-${get('month')}-${get('day')} ${get('hour')}:${get('minute')}`;
}

/** The change against the previous month: "+25%", "-3%", "no change", "new" when it was zero. */
export function formatChange(value: number, previous: number): string {
	if (value === previous) return 'no change';
	if (previous === 0) return 'new';
	const pct = Math.round(((value - previous) / previous) * 100);
	return `${pct > 0 ? '+' : ''}${pct}%`;
}

/** Colour of a change: more failures or changes are worth a look, so rises are amber, never green. */
export const changeColor = (value: number, previous: number) => (value > previous ? '#b45309' : value < previous ? '#047857' : '#64748b');

export const formatMinutes = (m: number | null) => (m === null ? '—' : m < 60 ? `${Math.round(m)} min` : m < 2880 ? `${(m / 60).toFixed(1)} h` : `${(m / 1440).toFixed(1)} days`);

export const SEVERITY_COLORS: Record<string, string> = { critical: '#7f1d1d', high: '#b91c1c', medium: '#b45309', low: '#1d4ed8', info: '#475569' };
