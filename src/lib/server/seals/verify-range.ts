import type { KeyObject } from 'node:crypto';
import type { Seal } from './seal-record';
import type { SealedLeaves } from '../queries/seals/seal-leaves';
import { leavesOfEvents, verifyPeriod, type ChainContext, type PeriodLeaves, type PeriodReport, type VerifyEvent } from './verify-period';

/** Where a verification reads from: the store (server), the API (the verify command), archive files. */
export interface VerifySource {
	/** The tenant's seals of periods starting in [from, to). */
	seals(from: Date, to: Date): Promise<Seal[]>;
	/** The tenant's seals with these seqs (predecessors outside the range). */
	sealsBySeq(seqs: number[]): Promise<Seal[]>;
	head(): Promise<ChainContext['head']>;
	/** Every event of the tenant with occurred_at in [from, to), in batches, any order. */
	events(from: Date, to: Date): AsyncIterable<VerifyEvent[]>;
	/** The same events already reduced to leaves per period start, where the source can do it faster (the store). */
	periods?(from: Date, to: Date, periodMs: number): Promise<Map<number, PeriodLeaves>>;
	/** How much time one read covers (a day unless said): each store query costs ~0.1-0.3 s of analysis, so the store reads longer spans. */
	spanMs?: number;
	/** What a seal sealed, leaf by leaf, where the source keeps it. */
	sealedLeaves?(seq: number): Promise<SealedLeaves | undefined>;
}

/** A span's events as leaves per period, from whichever the source offers. */
async function leavesOf(src: VerifySource, from: number, to: number, periodMs: number): Promise<Map<number, PeriodLeaves>> {
	if (src.periods) return src.periods(new Date(from), new Date(to), periodMs);
	const eventsOf = new Map<number, VerifyEvent[]>();
	for await (const batch of src.events(new Date(from), new Date(to))) {
		for (const e of batch) {
			const k = Math.floor(e.occurredMs / periodMs) * periodMs;
			(eventsOf.get(k) ?? eventsOf.set(k, []).get(k)!).push(e);
		}
	}
	return new Map([...eventsOf].map(([k, evs]) => [k, leavesOfEvents(evs)]));
}

export interface RangeReport {
	tenant: string;
	from: string;
	to: string;
	period_minutes: number;
	key_id: string;
	/** Every period of the range is verified or not sealed yet (open), and none failed. */
	verified: boolean;
	failed: number;
	events: number;
	periods: PeriodReport[];
}

const DAY = 86_400_000;

/** The range widened to whole periods. */
export function periodBounds(from: Date, to: Date, periodMs: number): { from: number; to: number } {
	return { from: Math.floor(from.getTime() / periodMs) * periodMs, to: Math.ceil(to.getTime() / periodMs) * periodMs };
}

/**
 * Recomputes every period of [from, to) for one tenant, a day at a time (a day's events are held,
 * never the range's), with only the public key trusted.
 */
export async function verifyRange(src: VerifySource, r: { tenant: string; from: Date; to: Date; periodMs: number; publicKey: KeyObject; keyId: string }): Promise<RangeReport> {
	const b = periodBounds(r.from, r.to, r.periodMs);
	const seals = await src.seals(new Date(b.from), new Date(b.to));
	const bySeq = new Map(seals.map((s) => [s.seq, s]));
	const before = [...new Set(seals.map((s) => s.seq - 1))].filter((q) => q >= 0 && !bySeq.has(q));
	for (const s of await src.sealsBySeq(before)) bySeq.set(s.seq, s);
	const ctx: ChainContext = { publicKey: r.publicKey, keyId: r.keyId, sealBySeq: bySeq, head: await src.head(), sealedLeaves: src.sealedLeaves?.bind(src) };
	const sealsOf = new Map<number, Seal[]>();
	for (const s of seals) {
		const k = Date.parse(s.periodStart);
		sealsOf.set(k, [...(sealsOf.get(k) ?? []), s]);
	}
	const periods: PeriodReport[] = [];
	const step = Math.max(src.spanMs ?? DAY, r.periodMs);
	const none = leavesOfEvents([]);
	// The next day is read while this one's roots are built: the engine and Node then work at once.
	let next = leavesOf(src, b.from, Math.min(b.from + step, b.to), r.periodMs);
	for (let chunk = b.from; chunk < b.to; chunk += step) {
		const end = Math.min(chunk + step, b.to);
		const leaves = await next;
		if (end < b.to) next = leavesOf(src, end, Math.min(end + step, b.to), r.periodMs);
		// Awaited on the next turn; until then a failure must not count as unhandled.
		next.catch(() => {});
		for (let p = chunk; p < end; p += r.periodMs) periods.push(await verifyPeriod(p, p + r.periodMs, sealsOf.get(p) ?? [], leaves.get(p) ?? none, ctx));
	}
	const failed = periods.filter((p) => p.status === 'failed').length;
	return {
		tenant: r.tenant, from: new Date(b.from).toISOString(), to: new Date(b.to).toISOString(), period_minutes: r.periodMs / 60_000, key_id: r.keyId,
		verified: failed === 0, failed, events: periods.reduce((n, p) => n + p.events, 0), periods
	};
}
