import type { EventKind, Rule } from '../../schemas/rule';
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
	// A gap shorter than the window costs less to scan than a second range does to plan.
	return mergeRanges(starts.map((s) => ({ from: new Date(s), to: new Date(s + w) })), w, maxRanges);
}

/** Ranges sorted and merged where they overlap or lie closer than `gapMs`, then the closest merged until at most `maxRanges` remain. */
export function mergeRanges(ranges: readonly TimeRange[], gapMs = 0, maxRanges = MAX_RANGES): TimeRange[] {
	const merged: [number, number][] = [];
	for (const r of [...ranges].sort((a, b) => a.from.getTime() - b.from.getTime())) {
		const last = merged[merged.length - 1];
		if (last && r.from.getTime() <= last[1] + gapMs) last[1] = Math.max(last[1], r.to.getTime());
		else merged.push([r.from.getTime(), r.to.getTime()]);
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
	/** Of those, how many were received up to the previous read's end (`Seen.until`)... */
	seen: number;
	/** ...and how many within the settle time before this read's end: what the next read re-reads. */
	tail: number;
	/** The kinds of event among them. */
	kinds: readonly EventKind[];
}

/** What the previous read found in the part of time the next one reads again. */
export interface Seen {
	until: Date;
	/** `tail` of each `tenant minute` of that read. */
	tails: ReadonlyMap<string, number>;
}

export const minuteKey = (tenant: string, minute: Date) => `${tenant} ${minute.getTime()}`;

/**
 * The minutes of a tenant holding events received after `mark` less the settle time (an event is
 * stamped when received but visible only once its batch is written). No mark: every minute. A
 * minute re-read only because of the settle time is left out when the read up to `mark` already
 * saw exactly these events of it: nothing arrived since, and nothing late became visible.
 * Given `kinds` (a rule's), a minute counts only when events of one of them arrived in it: a rule
 * reads nothing else, so its windows there would come out as its last run left them.
 */
export function touchedMinutes(arrived: readonly ArrivedMinute[], tenant: string, mark: Date | null, settleMs: number, seen: Seen | null = null, kinds: readonly EventKind[] | null = null): Date[] {
	const since = mark ? mark.getTime() - settleMs : -Infinity;
	const memo = mark && seen && seen.until.getTime() === mark.getTime() ? seen.tails : null;
	const out: Date[] = [];
	for (const { a, key, last } of ofTenant(arrived, tenant)) {
		if (last <= since) continue;
		if (memo && last <= mark!.getTime() && memo.get(key) === a.seen) continue;
		if (kinds && !a.kinds.some((k) => kinds.includes(k))) continue;
		out.push(a.minute);
	}
	return out;
}

interface Entry {
	a: ArrivedMinute;
	key: string;
	last: number;
}

// A tick asks this of every rule and tenant over one read: after a heavy load the read holds tens
// of thousands of minutes, so each tenant's are picked out (and keyed) once per read, not per rule.
const byRead = new WeakMap<readonly ArrivedMinute[], Map<string, Entry[]>>();
function ofTenant(arrived: readonly ArrivedMinute[], tenant: string): Entry[] {
	let byTenant = byRead.get(arrived);
	if (!byTenant) {
		byTenant = new Map();
		for (const a of arrived) {
			const list = byTenant.get(a.tenant) ?? [];
			list.push({ a, key: minuteKey(a.tenant, a.minute), last: a.lastReceived.getTime() });
			byTenant.set(a.tenant, list);
		}
		byRead.set(arrived, byTenant);
	}
	return byTenant.get(tenant) ?? [];
}

/**
 * The kinds of event whose arrival can change a rule's hits: its match's, and a sequence's `before`
 * events'. Null (any arrival) for a rule with a baseline: its baseline is the average over the
 * days before the tenant's earliest window of the tick, so the windows evaluated change its hits.
 */
export const kindsRead = (rule: Rule): EventKind[] | null => (rule.baseline ? null : [...new Set([...rule.filter.kinds, ...(rule.before?.kinds ?? [])])]);
