import { createSerial } from '../serial';
import { insertSeals } from '../queries/seals/insert-seals';
import { listPeriodArrivals } from '../queries/seals/list-period-arrivals';
import { listSealHeads } from '../queries/seals/list-seal-heads';
import { listSealLeaves, type SealLeafRow } from '../queries/seals/list-seal-leaves';
import { listSealMarks } from '../queries/seals/list-seal-marks';
import { listSealsBySeq } from '../queries/seals/list-seals';
import { insertSealLeaves, type SealedLeaves } from '../queries/seals/seal-leaves';
import { brokenChains, readLedger, recordHeads, type BrokenChain } from './head-ledger';
import { leafHash, merkleRoot } from './merkle';
import { arrivalsSince, planSeals, type PlannedPeriod } from './plan-seals';
import { GENESIS, signSeal, type Seal } from './seal-record';
import type { SealKey } from './seal-key';

export interface SealSettings {
	now: Date;
	settleMs: number;
	periodMs: number;
	key: SealKey;
	/** Where the job remembers each tenant's head (head-ledger.ts); none: no check. */
	ledgerFile?: string;
}

/** Periods read per leaf query: bounds one query's rows when a tenant's history is sealed at once. */
const PERIODS_PER_READ = 48;
const iso = (ms: number) => new Date(ms).toISOString();

async function leavesOf(tenant: string, periods: PlannedPeriod[], s: SealSettings, to: number): Promise<Map<number, SealLeafRow[]>> {
	const byPeriod = new Map<number, SealLeafRow[]>(periods.map((p) => [p.start, []]));
	const fromOf = new Map(periods.map((p) => [p.start, p.from ?? 0]));
	for (let i = 0; i < periods.length; i += PERIODS_PER_READ) {
		const chunk = periods.slice(i, i + PERIODS_PER_READ);
		const receivedFrom = new Date(Math.min(...chunk.map((p) => p.from ?? 0)));
		const rows = await listSealLeaves({ tenant, periods: chunk.map((p) => p.start), periodMs: s.periodMs, receivedFrom, receivedBefore: new Date(to) });
		for (const r of rows) if (r.received_ms >= fromOf.get(r.period_ms)!) byPeriod.get(r.period_ms)!.push(r);
	}
	return byPeriod;
}

/** The seals one tenant's plan makes, chained on from its head, and what each sealed (to name differences later). */
async function sealTenant(tenant: string, periods: PlannedPeriod[], head: { seq: number; hash: string } | undefined, s: SealSettings, to: number): Promise<{ seals: Seal[]; lists: SealedLeaves[] }> {
	const leaves = await leavesOf(tenant, periods, s, to);
	const out: Seal[] = [];
	const lists: SealedLeaves[] = [];
	let seq = head ? head.seq + 1 : 0;
	let prevHash = head?.hash ?? GENESIS;
	for (const p of periods) {
		const rows = leaves.get(p.start)!;
		// An amendment is only worth a seal when something arrived since the period's last one.
		if (p.from !== null && rows.length === 0) continue;
		const hashes = rows.map((r) => leafHash(r.id, r.content_hash));
		const seal = signSeal(
			{
				tenant, seq, periodStart: iso(p.start), periodEnd: iso(p.start + s.periodMs), kind: p.from === null ? 'period' : 'amendment',
				receivedFrom: iso(p.from ?? 0), receivedTo: iso(to), events: rows.length, root: merkleRoot(hashes),
				prevHash, sealedAt: s.now.toISOString(), keyId: s.key.keyId
			},
			s.key.privateKey
		);
		out.push(seal);
		lists.push({ seq, periodStart: seal.periodStart, ids: rows.map((r) => r.id), leafPrefixes: hashes.map((h) => h.toString('hex', 0, 8)) });
		seq++;
		prevHash = seal.hash;
	}
	return { seals: out, lists };
}

export interface SealDueResult {
	seals: Seal[];
	/** Tenants left unsealed because their stored chain lost or changed the head this job wrote. */
	broken: BrokenChain[];
}

async function sealDueNow(s: SealSettings): Promise<SealDueResult> {
	const allHeads = await listSealHeads();
	const ledger = s.ledgerFile ? readLedger(s.ledgerFile) : {};
	const broken = await brokenChains(ledger, allHeads, async (tenant, seq) => (await listSealsBySeq(tenant, [seq]))[0]?.hash ?? null);
	// Sealing on from a cut chain would cover the cut; the tenant waits for a person instead.
	const skip = new Set(broken.map((b) => b.tenant));
	const heads = allHeads.filter((h) => !skip.has(h.tenant));
	const to = s.now.getTime() - s.settleMs;
	const since = arrivalsSince(heads);
	const arrivals = await listPeriodArrivals({ since: new Date(since), until: new Date(to), dueEnd: new Date(Math.floor(to / s.periodMs) * s.periodMs), periodMs: s.periodMs });
	const tenants = [...new Set([...heads.map((h) => h.tenant), ...arrivals.map((a) => a.tenant)])];
	const oldest = arrivals.length ? Math.min(...arrivals.map((a) => a.periodStart)) : to;
	const marks = await listSealMarks(tenants, new Date(oldest));
	const plan = planSeals({ now: s.now, settleMs: s.settleMs, periodMs: s.periodMs, heads, arrivals: arrivals.filter((a) => !skip.has(a.tenant)), marks });
	const headOf = new Map(heads.map((h) => [h.tenant, h]));
	const seals: Seal[] = [];
	for (const t of plan.tenants) {
		const made = await sealTenant(t.tenant, t.periods, headOf.get(t.tenant), s, plan.to);
		await insertSealLeaves(t.tenant, made.lists);
		seals.push(...made.seals);
	}
	await insertSeals(seals);
	if (s.ledgerFile) recordHeads(s.ledgerFile, ledger, seals);
	return { seals, broken };
}

// One run at a time in this process: two runs would both chain on the same head.
const serial = createSerial();

/** Seals every period that is due and every late arrival into a sealed period (an amendment). */
export const sealDue = (s: SealSettings): Promise<SealDueResult> => serial(() => sealDueNow(s));
