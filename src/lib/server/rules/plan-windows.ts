import { MINUTE_MS } from './compile';

export interface WindowPlan {
	/** Evaluate the one-minute windows ending in (from, to]. */
	from: Date;
	to: Date;
	windows: number;
	/** Windows past the catch-up cap that are not evaluated, starting here. */
	skippedFrom: Date | null;
	skippedWindows: number;
}

export interface PlanOptions {
	/** Events may arrive this late; a window is evaluated only once this long has passed after it. */
	delayMs: number;
	/** At most this many missed windows are caught up; older ones are skipped and recorded. */
	maxWindows: number;
}

/** The latest window end that may be evaluated at `now`: aligned to the minute, after the delay. */
export const latestWindowEnd = (now: Date, delayMs: number) => new Date(Math.floor((now.getTime() - delayMs) / MINUTE_MS) * MINUTE_MS);

/**
 * Which windows are due, given the end of the last evaluated one. A first run evaluates only the
 * latest window (there was nothing to miss); after downtime every missed window is due, once.
 */
export function planWindows(watermark: Date | null, now: Date, o: PlanOptions): WindowPlan | null {
	const to = latestWindowEnd(now, o.delayMs);
	const aligned = watermark ? new Date(Math.floor(watermark.getTime() / MINUTE_MS) * MINUTE_MS) : new Date(to.getTime() - MINUTE_MS);
	if (aligned >= to) return null;
	const missed = Math.round((to.getTime() - aligned.getTime()) / MINUTE_MS);
	if (missed <= o.maxWindows) return { from: aligned, to, windows: missed, skippedFrom: null, skippedWindows: 0 };
	const from = new Date(to.getTime() - o.maxWindows * MINUTE_MS);
	return { from, to, windows: o.maxWindows, skippedFrom: aligned, skippedWindows: missed - o.maxWindows };
}
