import { MINUTE_MS } from './compile';

/** One-minute windows ending in (from, to]: the buckets [from, to) a rule query reports on. */
export interface TimeRange {
	from: Date;
	to: Date;
}

/** At most this many separate ranges go into one rule query; closer ones are merged first. */
export const MAX_RANGES = 48;

const floorMinute = (t: number) => Math.floor(t / MINUTE_MS) * MINUTE_MS;

/**
 * The windows a rule with a window of `windowMinutes` must evaluate for events that happened in
 * these minutes: an event in minute m counts in every window ending in (m, m + window], so a late
 * event is evaluated with its neighbours as if it had come on time. Overlapping or close ranges
 * are merged (re-evaluating a window changes nothing), so one query covers them all.
 */
export function rangesFor(minutes: readonly Date[], windowMinutes: number, maxRanges = MAX_RANGES): TimeRange[] {
	const w = windowMinutes * MINUTE_MS;
	const starts = [...new Set(minutes.map((m) => floorMinute(m.getTime())))].sort((a, b) => a - b);
	const merged: [number, number][] = [];
	for (const s of starts) {
		const last = merged[merged.length - 1];
		// A gap shorter than the window costs less to scan than a second range does to plan.
		if (last && s <= last[1] + w) last[1] = Math.max(last[1], s + w);
		else merged.push([s, s + w]);
	}
	while (merged.length > maxRanges) {
		let best = 0;
		for (let i = 1; i < merged.length - 1; i++) if (merged[i + 1][0] - merged[i][1] < merged[best + 1][0] - merged[best][1]) best = i;
		merged.splice(best, 2, [merged[best][0], merged[best + 1][1]]);
	}
	return merged.map(([from, to]) => ({ from: new Date(from), to: new Date(to) }));
}

/** Every window ending in (from, to], whole minutes: an explicit re-run or a backtest. */
export function spanRange(from: Date, to: Date): TimeRange[] {
	const f = floorMinute(from.getTime());
	const t = Math.max(f + MINUTE_MS, Math.ceil(to.getTime() / MINUTE_MS) * MINUTE_MS);
	return [{ from: new Date(f), to: new Date(t) }];
}

export interface ArrivedMinute {
	tenant: string;
	minute: Date;
	/** The latest received_at of the events of that minute that arrived in the read. */
	lastReceived: Date;
}

/**
 * The minutes of a tenant holding events received after `mark` less the settle time (an event is
 * stamped when received but visible only once its batch is written). No mark: every minute.
 */
export function touchedMinutes(arrived: readonly ArrivedMinute[], tenant: string, mark: Date | null, settleMs: number): Date[] {
	const since = mark ? mark.getTime() - settleMs : -Infinity;
	return arrived.filter((a) => a.tenant === tenant && a.lastReceived.getTime() > since).map((a) => a.minute);
}
