/**
 * How Trailscope writes numbers, sizes, changes and HTML text: one module for the pages, the
 * emails and the server, so a figure reads the same wherever it is shown. Fixed to en-US (not
 * the browser's locale) so the server's first drawing and the browser's hydration agree.
 */

export const formatNumber = (n: number) => n.toLocaleString('en-US');

/** A count as a whole number ("1,234"): a sum rule's count may carry a fraction nobody needs. */
export const formatCount = (n: number) => formatNumber(Math.round(n));

/**
 * A size in bytes. Senders rarely give a size; the rollups sum a missing one as 0, and no export
 * weighs nothing, so 0 means "unknown" and reads "—", as does null.
 */
export function formatBytes(n: number | null | undefined): string {
	if (!n || !Number.isFinite(n)) return '—';
	if (n < 1024) return `${n} B`;
	const units = ['KB', 'MB', 'GB', 'TB'];
	let v = n / 1024;
	let i = 0;
	while (v >= 1024 && i < units.length - 1) {
		v /= 1024;
		i++;
	}
	return `${v.toFixed(v < 10 ? 1 : 0)} ${units[i]}`;
}

export interface Change {
	text: string;
	direction: 'up' | 'down' | 'same';
}

/**
 * The change against the previous period, as people say it: "+12%", "−5%" (a real minus sign),
 * "no change", "new". Beyond ±1000% a percentage stops meaning anything to a reader
 * ("+4851800%"): a rise reads as a multiple ("×48"), a fall to almost nothing as a fraction ("÷48").
 */
export function changeOf(now: number, before: number): Change {
	if (now === before) return { text: 'no change', direction: 'same' };
	if (before === 0) return { text: 'new', direction: 'up' };
	const pct = Math.round(((now - before) / before) * 100);
	if (pct > 1000) return { text: `×${formatNumber(Math.round(now / before))}`, direction: 'up' };
	if (now > 0 && before / now > 11) return { text: `÷${formatNumber(Math.round(before / now))}`, direction: 'down' };
	if (pct === 0) return { text: now > before ? '+<1%' : '−<1%', direction: now > before ? 'up' : 'down' };
	return { text: `${pct > 0 ? '+' : '−'}${Math.abs(pct)}%`, direction: pct > 0 ? 'up' : 'down' };
}

export const formatChange = (now: number, before: number) => changeOf(now, before).text;

// A window's units as a sentence writes them, and as an email subject (short) does.
const WINDOW_UNITS = {
	long: { minute: [' minute', ' minutes'], hour: [' hour', ' hours'], day: [' day', ' days'] },
	short: { minute: [' min', ' min'], hour: [' h', ' h'], day: [' days', ' days'] }
} as const;

/** A window of minutes as people read it: 15 -> "15 minutes" ("15 min"), 1440 -> "24 hours" ("24 h"), 4320 -> "3 days". */
export function formatWindow(m: number, style: keyof typeof WINDOW_UNITS = 'long'): string {
	const units = WINDOW_UNITS[style];
	const unit = (n: number, [one, many]: readonly [string, string]) => `${formatCount(n)}${n === 1 ? one : many}`;
	if (m > 2880 && m % 1440 === 0) return unit(m / 1440, units.day);
	if (m > 60 && m % 60 === 0) return unit(m / 60, units.hour);
	return unit(m, units.minute);
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text made safe for HTML content and for attribute values in either quote. */
export const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => ESCAPES[c]);
