// Issue 13: what the full content hash costs ingest. Times prepareEvents on the same 100k
// generated events with a given prepare module, so one checkout can be timed against another:
//   npx tsx bench/prepare-hash.ts [path/to/src/lib/server/ingest/prepare.ts] [runs]
// Without a path it also times the hash alone, form 1 against form 2 (measureHashCost, which
// `npm run bench` reports through bench/seals.ts).
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateEvents } from './generate';

const N = 100_000;
type Import = (path: string) => Promise<unknown>;
const own: Import = (path) => import(resolve(fileURLToPath(new URL('..', import.meta.url)), path));

export interface HashCost {
	events: number;
	/** Best of 9: the 128-bit form-1 hash, and the full SHA-256 of canonical form 2, over the same rows. */
	form1Ms: number;
	form2Ms: number;
	/** prepareEvents over those events (validation, hash, geo): what ingest spends before the store. */
	prepareMs: number;
}

/**
 * The hash alone, old form against new, interleaved in one process: a shared machine's noise
 * then falls on both alike (prepareEvents as a whole varies by ±20% run to run here).
 */
export async function measureHashCost(app: Import = own, runs = 5): Promise<HashCost> {
	const { prepareEvents, contentHash } = (await app('src/lib/server/ingest/prepare.ts')) as typeof import('../src/lib/server/ingest/prepare');
	const { legacyHash } = (await app('src/lib/server/seals/canonical.ts')) as typeof import('../src/lib/server/seals/canonical');
	const { canonicalOfRow } = (await app('src/lib/server/seals/canonical-of.ts')) as typeof import('../src/lib/server/seals/canonical-of');
	const now = new Date();
	const events = [...generateEvents({ n: N, seed: 7, now, chunk: N })][0];
	const sizes = events.map(() => 500);
	const retention = { days: 90, securityDays: 365 };
	await prepareEvents(events.slice(0, 5000), sizes, { now, retention });
	const times: number[] = [];
	let rows: Awaited<ReturnType<typeof prepareEvents>> | undefined;
	for (let i = 0; i < runs; i++) {
		const t0 = performance.now();
		rows = await prepareEvents(events, sizes, { now, retention });
		times.push(performance.now() - t0);
		if (!rows.ok) throw new Error(JSON.stringify(rows.problems.slice(0, 2)));
	}
	if (!rows?.ok) throw new Error('invalid');
	const forms = rows.rows.map((r) => ({ row: r, iso: `${r.occurred_at.replace(' ', 'T')}Z`, c: canonicalOfRow(r) }));
	const best = { form1: Infinity, form2: Infinity };
	for (let i = 0; i < 9; i++) {
		let t0 = performance.now();
		for (const x of forms) legacyHash(x.c);
		best.form1 = Math.min(best.form1, performance.now() - t0);
		t0 = performance.now();
		for (const x of forms) contentHash(x.row, x.iso, x.c.ip);
		best.form2 = Math.min(best.form2, performance.now() - t0);
	}
	times.sort((a, b) => a - b);
	return { events: N, form1Ms: best.form1, form2Ms: best.form2, prepareMs: times[Math.floor(runs / 2)] };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === resolve(process.argv[1])) {
	const modulePath = process.argv[2];
	const runs = Number(process.argv[3] ?? 7);
	if (modulePath) {
		const { prepareEvents } = (await import(resolve(modulePath))) as typeof import('../src/lib/server/ingest/prepare');
		const now = new Date();
		const events = [...generateEvents({ n: N, seed: 7, now, chunk: N })][0];
		const times: number[] = [];
		for (let i = 0; i < runs; i++) {
			const t0 = performance.now();
			await prepareEvents(events, events.map(() => 500), { now, retention: { days: 90, securityDays: 365 } });
			times.push(performance.now() - t0);
		}
		times.sort((a, b) => a - b);
		console.log(JSON.stringify({ module: modulePath, events: N, runs, medianMs: times[Math.floor(runs / 2)], minMs: times[0] }));
	} else {
		const c = await measureHashCost(own, runs);
		console.log(JSON.stringify({ hashOnly: c, ingestLostToFullHash: `${(((c.form2Ms - c.form1Ms) / c.prepareMs) * 100).toFixed(1)}%` }));
	}
}
