// Issue 13: what the full content hash costs ingest. Times prepareEvents on the same 100k
// generated events with a given prepare module, so one checkout can be timed against another:
//   npx tsx bench/prepare-hash.ts [path/to/src/lib/server/ingest/prepare.ts] [runs]
import { resolve } from 'node:path';
import { generateEvents } from './generate';

const N = 100_000;
const modulePath = resolve(process.argv[2] ?? 'src/lib/server/ingest/prepare.ts');
const runs = Number(process.argv[3] ?? 7);
const { prepareEvents } = (await import(modulePath)) as typeof import('../src/lib/server/ingest/prepare');
const now = new Date();
const events = [...generateEvents({ n: N, seed: 7, now, chunk: N })][0];
const sizes = events.map(() => 500);
const retention = { days: 90, securityDays: 365 };
await prepareEvents(events.slice(0, 5000), sizes, { now, retention });
const times: number[] = [];
for (let i = 0; i < runs; i++) {
	const t0 = performance.now();
	const p = await prepareEvents(events, sizes, { now, retention });
	times.push(performance.now() - t0);
	if (!p.ok) throw new Error(JSON.stringify(p.problems.slice(0, 2)));
}
times.sort((a, b) => a - b);
console.log(JSON.stringify({ module: modulePath, events: N, runs, medianMs: times[Math.floor(runs / 2)], minMs: times[0] }));

// The hash alone, old form against new, interleaved in one process: a shared machine's noise
// then falls on both alike (prepareEvents as a whole varies by ±20% run to run here).
if (process.argv[2] === undefined) {
	const { contentHash } = await import('../src/lib/server/ingest/prepare');
	const { legacyHash } = await import('../src/lib/server/seals/canonical');
	const { canonicalOfRow } = await import('../src/lib/server/seals/canonical-of');
	const p = await prepareEvents(events, sizes, { now, retention });
	if (!p.ok) throw new Error('invalid');
	const rows = p.rows.map((r) => ({ row: r, iso: `${r.occurred_at.replace(' ', 'T')}Z`, ip: canonicalOfRow(r).ip, c: canonicalOfRow(r) }));
	const best = { form1: Infinity, form2: Infinity };
	for (let i = 0; i < 9; i++) {
		let t0 = performance.now();
		for (const x of rows) legacyHash(x.c);
		best.form1 = Math.min(best.form1, performance.now() - t0);
		t0 = performance.now();
		for (const x of rows) contentHash(x.row, x.iso, x.ip);
		best.form2 = Math.min(best.form2, performance.now() - t0);
	}
	console.log(JSON.stringify({ hashOnly: { events: N, form1Ms: best.form1, form2Ms: best.form2, prepareMedianMs: times[Math.floor(runs / 2)] } }));
}
