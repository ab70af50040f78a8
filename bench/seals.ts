import { join } from 'node:path';
import { QUERY_TENANT } from './catalogue';
import { measureHashCost, type HashCost } from './prepare-hash';

/**
 * Issue 13: what sealing costs and how fast a month verifies, measured in the direct-insert child
 * (bench/direct.ts) on its own store: no HTTP, and no scheduled seal job racing the measurement.
 */
export interface SealBenchResult {
	/** The first seal run over every tenant's stored events. */
	seal: { ms: number; events: number; seals: number };
	/** A second run with nothing due: the cost of the job's every-5-minutes tick. */
	idleMs: number;
	/** One tenant's 31 days recomputed from the store: every hash, root, link and signature. */
	verify: { ms: number; events: number; verified: boolean };
	/** The full hash against the 128-bit form it replaced, on 100k prepared events: what ingest loses to it. */
	hash: HashCost;
}

type Import = (path: string) => Promise<unknown>;

export async function runSealBench(app: Import, dataDir: string, now: Date): Promise<SealBenchResult> {
	const { sealDue } = (await app('src/lib/server/seals/seal-due.ts')) as typeof import('../src/lib/server/seals/seal-due');
	const { loadSealKey } = (await app('src/lib/server/seals/seal-key.ts')) as typeof import('../src/lib/server/seals/seal-key');
	const { verifyRange } = (await app('src/lib/server/seals/verify-range.ts')) as typeof import('../src/lib/server/seals/verify-range');
	const { storeSource } = (await app('src/lib/server/seals/store-source.ts')) as typeof import('../src/lib/server/seals/store-source');
	const key = loadSealKey(join(dataDir, 'seal-ed25519.pem'));
	// Every event was received by now: with no settle time, every hour that is over is due.
	const settings = { settleMs: 0, periodMs: 3_600_000, key };
	let t0 = performance.now();
	const first = await sealDue({ ...settings, now });
	const seal = { ms: performance.now() - t0, seals: first.seals.length, events: first.seals.reduce((n, s) => n + s.events, 0) };
	t0 = performance.now();
	await sealDue({ ...settings, now });
	const idleMs = performance.now() - t0;
	t0 = performance.now();
	const r = await verifyRange(storeSource(QUERY_TENANT), { tenant: QUERY_TENANT, from: new Date(now.getTime() - 31 * 86_400_000), to: now, periodMs: settings.periodMs, publicKey: key.publicKey, keyId: key.keyId });
	const verify = { ms: performance.now() - t0, events: r.events, verified: r.verified };
	return { seal, idleMs, verify, hash: await measureHashCost(app) };
}
