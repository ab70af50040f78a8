import type { KeyObject } from 'node:crypto';
import { expectedHash, type CanonicalEvent } from './canonical';
import { leafHash, merkleRoot } from './merkle';
import { GENESIS, sealHash, signatureValid, type Seal } from './seal-record';

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
}

const byOrder = (a: VerifyEvent, b: VerifyEvent) => a.occurredMs - b.occurredMs || (a.canonical.id < b.canonical.id ? -1 : a.canonical.id > b.canonical.id ? 1 : 0);

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

function compareWithSeal(seal: Seal, events: VerifyEvent[]): Problem[] {
	const changed: string[] = [];
	const leaves = events.map((e) => {
		const h = expectedHash(e.canonical, e.storedHash);
		if (h !== e.storedHash) changed.push(e.canonical.id);
		return leafHash(e.canonical.id, h);
	});
	if (merkleRoot(leaves) === seal.root) return [];
	const problems: Problem[] = [];
	if (changed.length) problems.push({ kind: 'changed', seq: seal.seq, ids: changed, message: `${changed.length} event(s) changed since they were stored` });
	const d = events.length - seal.events;
	if (d > 0) problems.push({ kind: 'added', seq: seal.seq, message: `${d} event(s) added to what seal ${seal.seq} sealed` });
	if (d < 0) problems.push({ kind: 'missing', seq: seal.seq, message: `${-d} event(s) missing of the ${seal.events} seal ${seal.seq} sealed` });
	if (!problems.length) problems.push({ kind: 'altered', seq: seal.seq, message: `the events differ from what seal ${seal.seq} sealed (same count)` });
	return problems;
}

/** Recomputes one period of one tenant from its events and seals. */
export function verifyPeriod(start: number, end: number, seals: readonly Seal[], events: VerifyEvent[], ctx: ChainContext): PeriodReport {
	const problems: Problem[] = [];
	const sorted = [...events].sort(byOrder);
	const covered = new Set<VerifyEvent>();
	let sealedEvents = 0;
	for (const seal of [...seals].sort((a, b) => a.seq - b.seq)) {
		problems.push(...checkSeal(seal, ctx));
		const from = Date.parse(seal.receivedFrom);
		const to = Date.parse(seal.receivedTo);
		const mine = sorted.filter((e) => e.receivedMs >= from && e.receivedMs < to);
		for (const e of mine) covered.add(e);
		sealedEvents += seal.events;
		problems.push(...compareWithSeal(seal, mine));
	}
	const sealedUpTo = ctx.head?.receivedTo ?? 0;
	const loose = sorted.filter((e) => !covered.has(e));
	const unsealed = loose.filter((e) => e.receivedMs < sealedUpTo).map((e) => e.canonical.id);
	const inChain = ctx.head !== null && start >= ctx.head.firstPeriod && end <= ctx.head.lastPeriodEnd;
	if (seals.length === 0 && (inChain || unsealed.length)) problems.push({ kind: 'no_seal', message: 'this period has no seal', ids: unsealed.length ? unsealed : undefined });
	else if (seals.length && !seals.some((s) => s.kind === 'period')) problems.push({ kind: 'no_seal', message: "this period's first seal is missing" });
	if (unsealed.length && seals.length) problems.push({ kind: 'unsealed', ids: unsealed, message: `${unsealed.length} event(s) that no seal covers, received before the last seal run` });
	return {
		period_start: new Date(start).toISOString(),
		period_end: new Date(end).toISOString(),
		status: problems.length ? 'failed' : seals.length ? 'verified' : 'open',
		events: events.length,
		sealed_events: sealedEvents,
		pending: loose.length - unsealed.length,
		seals: seals.map((s) => s.seq),
		problems
	};
}
