import { formatNumber } from '../format';
import { formatTime } from './format';
import type { MonthlyReport } from './model';

/** The integrity statement of a report, as the page, the email and its text part all say it. */
export function integrityLines(r: MonthlyReport): { ok: boolean; headline: string; failed: string[] } {
	const i = r.integrity;
	const failed = i.failed.map((f) => `${formatTime(f.start, r.timezone)} to ${formatTime(f.end, r.timezone)}: ${f.problems}`);
	if (failed.length)
		return { ok: false, headline: `INTEGRITY: ${failed.length} of ${formatNumber(i.periods)} sealed hours of ${r.label} did NOT verify: events were changed, added or removed after they were sealed.`, failed };
	const open = i.open ? ` (${formatNumber(i.open)} not sealed yet)` : '';
	return { ok: true, headline: `Integrity: every sealed hour of ${r.label} verified against its signed seal, ${formatNumber(i.verified)} hours${open}.`, failed };
}
