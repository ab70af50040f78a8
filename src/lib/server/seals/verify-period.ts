import type { KeyObject } from 'node:crypto';
import { expectedHash, type CanonicalEvent } from './canonical';
import { leafHash, packedRoot } from './merkle';
import { GENESIS, sealHash, signatureValid, type Seal } from './seal-record';
import type { SealedLeaves } from '../queries/seals/seal-leaves';

/** One event as a verification sees it, wherever it was read from (store, API, archive). */
export interface VerifyEvent {
	canonical: CanonicalEvent;
	storedHash: string;
	occurredMs: number;
	receivedMs: number;
}

export type ProblemKind = 'changed' | 'added' | 'missing' | 'altered' | 'unsealed' | 'no_seal' | 'bad_signature' | 'chain_break';

export interface Problem {
	kind: ProblemKind;
	message: string;
	/** The events concerned, where they can be told (a missing event's id is not kept anywhere). */
	ids?: string[];
	seq?: number;
}

export interface PeriodReport {
	period_start: string;
	period_end: string;
	/** verified: sealed and matching; failed: see problems; open: not sealed yet and nothing wrong; incomplete: archive only. */
	status: 'verified' | 'failed' | 'open' | 'incomplete';
	events: number;
	sealed_events: number;
	/** Events that arrived after the last seal run: the next run seals them. */
	pending: number;
	seals: number[];
	problems: Problem[];
}

export interface ChainContext {
	publicKey: KeyObject;
	keyId: string;
	/** Any seal of the tenant by seq (the range's own and their predecessors). */
	sealBySeq: ReadonlyMap<number, Seal>;
	/** The tenant's chain: periods from firstPeriod to lastPeriodEnd all have a seal; arrivals before receivedTo are sealed. */
	head: { firstPeriod: number; lastPeriodEnd: number; receivedTo: number } | null;
	/** What a seal sealed, leaf by leaf, where the source keeps it (the store): names what differs. */
	sealedLeaves?: (seq: number) => Promise<SealedLeaves | undefined>;
}

/**
 * A period's events reduced to what verification compares, in seal order (occurred_at, then the
 * id's text): wherever they were read from, the store (hashed by the engine) or JSON (in Node).
 */
export interface PeriodLeaves {
	count: number;
	/** Every event's Merkle leaf over its recomputed hash, 32 bytes each. */
	leaves: Buffer;
	receivedMs: ArrayLike<number>;
	/** Events whose stored hash is not the one recomputed from their fields. */
	changed: string[];
	/** The ids in seal order: read only when something must be named. */
	ids(): Promise<string[]>;
}

const byOrder = (a: VerifyEvent, b: VerifyEvent) => a.occurredMs - b.occurredMs || (a.canonical.id < b.canonical.id ? -1 : a.canonical.id > b.canonical.id ? 1 : 0);

/** Events read as JSON (API, archive, the engine's exceptions) hashed in Node. */
export function leavesOfEvents(events: readonly VerifyEvent[]): PeriodLeaves {
	const sorted = [...events].sort(byOrder);
	const leaves = Buffer.allocUnsafe(32 * sorted.length);
	const changed: string[] = [];
	sorted.forEach((e, i) => {
		const h = expectedHash(e.canonical, e.storedHash);
		if (h !== e.storedHash) changed.push(e.canonical.id);
		leafHash(e.canonical.id, h).copy(leaves, 32 * i);
	});
	const ids = sorted.map((e) => e.canonical.id);
	return { count: sorted.length, leaves, receivedMs: sorted.map((e) => e.receivedMs), changed, ids: async () => ids };
}

/** Signature and link to the previous seal: what a seal says about itself and the chain. */
export function checkSeal(seal: Seal, ctx: ChainContext): Problem[] {
	const problems: Problem[] = [];
	if (!signatureValid(seal, ctx.publicKey)) {
		const other = seal.keyId !== ctx.keyId ? ` (it names key ${seal.keyId})` : '';
		problems.push({ kind: 'bad_signature', seq: seal.seq, message: `seal ${seal.seq}'s signature does not verify with key ${ctx.keyId}${other}` });
	}
	if (seal.seq === 0) {
		if (seal.prevHash !== GENESIS) problems.push({ kind: 'chain_break', seq: 0, message: 'the first seal names a previous seal' });
		return problems;
	}
	const prev = ctx.sealBySeq.get(seal.seq - 1);
	if (!prev) problems.push({ kind: 'chain_break', seq: seal.seq, message: `seal ${seal.seq - 1}, which seal ${seal.seq} follows, is missing` });
	else if (sealHash(prev) !== seal.prevHash) problems.push({ kind: 'chain_break', seq: seal.seq, message: `seal ${seal.seq} does not follow seal ${seal.seq - 1} as stored (its hash differs)` });
	return problems;
}

/** The places of the period's events that arrived in [from, to). */
function placesIn(p: PeriodLeaves, from: number, to: number): number[] {
	const out: number[] = [];
	for (let i = 0; i < p.count; i++) if (p.receivedMs[i] >= from && p.receivedMs[i] < to) out.push(i);
	return out;
}

function rootOf(p: PeriodLeaves, places: number[]): string {
	if (places.length === p.count) return packedRoot(p.leaves, p.count);
	const packed = Buffer.allocUnsafe(32 * places.length);
	places.forEach((at, i) => p.leaves.copy(packed, 32 * i, 32 * at, 32 * at + 32));
	return packedRoot(packed, places.length);
}

/** What differs between a seal and the events of its arrival window, when their root is not the sealed one. */
async function compareWithSeal(seal: Seal, p: PeriodLeaves, places: number[], ctx: ChainContext): Promise<Problem[]> {
	if (rootOf(p, places) === seal.root) return [];
	const list = await ctx.sealedLeaves?.(seal.seq);
	// The list is not signed: it only names, and only when it still holds as many events as the seal says.
	if (list && list.ids.length === seal.events) return named(seal, list, p, places);
	const d = places.length - seal.events;
	const why = list ? ` (its leaf list holds ${list.ids.length}, so it cannot name them)` : '';
	if (d > 0) return [{ kind: 'added', seq: seal.seq, message: `${d} event(s) added to what seal ${seal.seq} sealed${why}` }];
	if (d < 0) return [{ kind: 'missing', seq: seal.seq, message: `${-d} event(s) missing of the ${seal.events} seal ${seal.seq} sealed${why}` }];
	return [{ kind: 'altered', seq: seal.seq, message: `the events differ from what seal ${seal.seq} sealed (same count)${why}` }];
}

/** The sealed list against the window's events: ids gone, ids new, and ids whose leaf (id and recomputed hash) moved. */
async function named(seal: Seal, list: SealedLeaves, p: PeriodLeaves, places: number[]): Promise<Problem[]> {
	const all = await p.ids();
	const now = new Map(places.map((i) => [all[i], p.leaves.toString('hex', 32 * i, 32 * i + 8)]));
	const sealed = new Map(list.ids.map((id, k) => [id, list.leafPrefixes[k]]));
	const missing = list.ids.filter((id) => !now.has(id));
	const added = [...now.keys()].filter((id) => !sealed.has(id));
	const known = new Set(p.changed);
	const differ = list.ids.filter((id) => now.has(id) && now.get(id) !== sealed.get(id) && !known.has(id));
	const out: Problem[] = [];
	if (missing.length) out.push({ kind: 'missing', seq: seal.seq, ids: missing, message: `${missing.length} event(s) missing of the ${seal.events} seal ${seal.seq} sealed` });
	if (added.length) out.push({ kind: 'added', seq: seal.seq, ids: added, message: `${added.length} event(s) added to what seal ${seal.seq} sealed` });
	if (differ.length) out.push({ kind: 'altered', seq: seal.seq, ids: differ, message: `${differ.length} event(s) differ from what seal ${seal.seq} sealed, though each still matches its stored hash (the hash was rewritten too)` });
	if (!out.length && !p.changed.length) out.push({ kind: 'altered', seq: seal.seq, message: `the events differ from what seal ${seal.seq} sealed (same ids and leaves as its list: the order changed)` });
	return out;
}

/** Recomputes one period of one tenant from its events' leaves and its seals. */
export async function verifyPeriod(start: number, end: number, seals: readonly Seal[], p: PeriodLeaves, ctx: ChainContext): Promise<PeriodReport> {
	const problems: Problem[] = [];
	const covered = new Uint8Array(p.count);
	let sealedEvents = 0;
	for (const seal of [...seals].sort((a, b) => a.seq - b.seq)) {
		problems.push(...checkSeal(seal, ctx));
		const places = placesIn(p, Date.parse(seal.receivedFrom), Date.parse(seal.receivedTo));
		for (const i of places) covered[i] = 1;
		sealedEvents += seal.events;
		problems.push(...(await compareWithSeal(seal, p, places, ctx)));
	}
	// A stored hash that its own fields no longer give is an edit, sealed or not; with it, the same count is no news.
	if (p.changed.length) problems.splice(0, problems.length, ...problems.filter((x) => x.kind !== 'altered' || x.ids));
	if (p.changed.length) problems.unshift({ kind: 'changed', ids: p.changed, message: `${p.changed.length} event(s) changed since they were stored` });
	const sealedUpTo = ctx.head?.receivedTo ?? 0;
	const loose: number[] = [];
	for (let i = 0; i < p.count; i++) if (!covered[i]) loose.push(i);
	const late = loose.filter((i) => p.receivedMs[i] < sealedUpTo);
	const unsealed = late.length ? await p.ids().then((ids) => late.map((i) => ids[i])) : [];
	const inChain = ctx.head !== null && start >= ctx.head.firstPeriod && end <= ctx.head.lastPeriodEnd;
	if (seals.length === 0 && (inChain || unsealed.length)) problems.push({ kind: 'no_seal', message: 'this period has no seal', ids: unsealed.length ? unsealed : undefined });
	else if (seals.length && !seals.some((s) => s.kind === 'period')) problems.push({ kind: 'no_seal', message: "this period's first seal is missing" });
	if (unsealed.length && seals.length) problems.push({ kind: 'unsealed', ids: unsealed, message: `${unsealed.length} event(s) that no seal covers, received before the last seal run` });
	return {
		period_start: new Date(start).toISOString(),
		period_end: new Date(end).toISOString(),
		status: problems.length ? 'failed' : seals.length ? 'verified' : 'open',
		events: p.count,
		sealed_events: sealedEvents,
		pending: loose.length - late.length,
		seals: seals.map((s) => s.seq),
		problems
	};
}
