import { runHttpQuery } from './http';
import { planQueries, type QueryKind, type QueryPlan } from './queries';
import { latency, type Latency } from './stats';

/** Issue 14: many people paging at once. Pages asked by one client, then by `clients` at once. */
export interface ConcurrencyResult {
	one: Load;
	many: Load & { clients: number };
}

interface Load {
	requests: number;
	errors: number;
	ms: number;
	latency: Latency;
	/** The first error's message, if any. */
	error?: string;
}

const PAGE_KINDS: QueryKind[] = ['timeline', 'actor', 'cidr24', 'text'];

/** `clients` workers asking one page after another (timeline, actor, /24, free text in turn) for `ms`. */
async function load(base: string, key: string, plans: QueryPlan[], clients: number, ms: number): Promise<Load> {
	const times: number[] = [];
	let next = 0;
	let errors = 0;
	let error: string | undefined;
	const t0 = performance.now();
	const worker = async () => {
		while (performance.now() - t0 < ms) {
			const plan = plans[next++ % plans.length];
			try {
				times.push((await runHttpQuery(base, key, plan)).ms);
			} catch (e) {
				errors++;
				error ??= e instanceof Error ? e.message : String(e);
			}
		}
	};
	await Promise.all(Array.from({ length: clients }, worker));
	return { requests: times.length, errors, ms: performance.now() - t0, latency: latency(times), error };
}

/** Throughput of one client, then of `clients` at once, each over `ms` after a short warm-up. */
export async function runConcurrency(base: string, key: string, now: Date, seed: number, clients = 20, ms = 15_000): Promise<ConcurrencyResult> {
	const per = PAGE_KINDS.map((k) => planQueries(k, 200, now, seed ^ 0x7e7e));
	const plans = Array.from({ length: 200 }, (_, i) => per[i % PAGE_KINDS.length][Math.floor(i / PAGE_KINDS.length)]);
	await load(base, key, plans, 1, 1000);
	const one = await load(base, key, plans, 1, ms);
	const many = await load(base, key, plans, clients, ms);
	return { one, many: { ...many, clients } };
}

export const throughput = (l: Load) => (l.requests / l.ms) * 1000;
