import { BusinessHoursSchema, type BusinessHours } from './tenant-settings';

const DAY_NAMES = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'] as const;

/**
 * Business hours as one readable text, `Mon-Fri 07:00-22:00 Europe/Paris`: how an alert's link
 * carries the hours its rule used (`off_hours=`), so the link keeps selecting the same events
 * after the tenant's hours change, and how the filter chip reads.
 */
export function formatHoursSpec(bh: BusinessHours): string {
	const days = [...new Set(bh.days)].sort((a, b) => a - b);
	const runs: string[] = [];
	for (let i = 0; i < days.length; ) {
		let j = i;
		while (j + 1 < days.length && days[j + 1] === days[j] + 1) j++;
		runs.push(j > i + 1 ? `${DAY_NAMES[days[i] - 1]}-${DAY_NAMES[days[j] - 1]}` : days.slice(i, j + 1).map((d) => DAY_NAMES[d - 1]).join(','));
		i = j + 1;
	}
	return `${runs.join(',') || 'none'} ${bh.start}-${bh.end} ${bh.timezone}`;
}

const dayOf = (name: string) => DAY_NAMES.findIndex((d) => d.toLowerCase() === name.toLowerCase()) + 1;

/** The hours a `formatHoursSpec` text names, or what is wrong with it. */
export function parseHoursSpec(text: string): BusinessHours | string {
	const m = /^\s*(\S+)\s+(\d\d:\d\d)-(\d\d:\d\d)\s+(\S+)\s*$/.exec(text);
	if (!m) return `"${text}" must read like "Mon-Fri 08:00-19:00 Europe/Paris"`;
	const days: number[] = [];
	if (m[1] !== 'none')
		for (const part of m[1].split(',')) {
			const [a, b] = part.split('-').map(dayOf);
			if (!a || (part.includes('-') && !b)) return `"${part}" is not a day or a range of days such as Mon-Fri`;
			for (let d = a; d <= (b || a); d++) days.push(d);
		}
	const parsed = BusinessHoursSchema.safeParse({ timezone: m[4], days, start: m[2], end: m[3] });
	return parsed.success ? parsed.data : parsed.error.issues[0].message;
}
