import { QUERY_TENANT } from './catalogue';
import { send } from './page';

/** Issue 13: what sealing costs and how fast a range verifies from the store. */
export interface SealBenchResult {
	/** The first seal run over everything loaded (every tenant's 30 days), without its verification. */
	seal: { ms: number; events: number; seals: number };
	/** A run with nothing new: the cost of the job's every-5-minutes tick. */
	idleMs: number;
	/** GET /api/v1/seals/verify over one tenant's 30 days, recomputing every hash, root and signature. */
	verify: { ms: number; events: number; verified: boolean };
}

function ok(what: string, reply: { status: number; body: Buffer }): string {
	const text = reply.body.toString('utf8');
	if (reply.status < 200 || reply.status > 299) throw new Error(`${what}: HTTP ${reply.status}: ${text.slice(0, 300)}`);
	return text;
}

export async function runSealBench(base: string, key: string, now: Date): Promise<SealBenchResult> {
	const auth = { authorization: `Bearer ${key}` };
	const run = async () => {
		const t0 = performance.now();
		const r = JSON.parse(ok('seal run', await send(`${base}/api/v1/seals/run?verify=0`, 'POST', auth))) as { seals: { events: number }[] };
		return { ms: performance.now() - t0, seals: r.seals.length, events: r.seals.reduce((n, s) => n + s.events, 0) };
	};
	const seal = await run();
	const idleMs = (await run()).ms;
	const q = new URLSearchParams({ tenant: QUERY_TENANT, from: new Date(now.getTime() - 31 * 86_400_000).toISOString(), to: now.toISOString() });
	const t0 = performance.now();
	const v = JSON.parse(ok('verify', await send(`${base}/api/v1/seals/verify?${q}`, 'GET', auth))) as { events: number; verified: boolean };
	return { seal, idleMs, verify: { ms: performance.now() - t0, events: v.events, verified: v.verified } };
}
