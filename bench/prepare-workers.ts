/**
 * Whether preparing requests in worker threads helps on this machine: in-process ingest of N
 * events by 4 senders, parse and prepare on the event loop (inline) or in K workers (workers:K),
 * then the app's group commit. Prints events/s, the process's CPU per event, and how late a 5 ms
 * timer fired (the event loop's responsiveness). chdb stays on the main thread: a worker that
 * loads it crashes the process at exit.
 *
 * Usage: tsx bench/prepare-workers.ts [inline|workers:K] [events=200000]
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { generateEvents } from './generate';
process.env.DATA_DIR = mkdtempSync(join(tmpdir(), 'trailscope-ingest-'));
process.env.CLICKHOUSE_DATABASE = 'bench';
process.env.SEED_DEMO = 'false';
const mode = process.argv[2] ?? 'inline';
const n = Number(process.argv[3] ?? 200000);
const { migrate } = await import('../clickhouse/migrate');
const { parseBody } = await import('../src/lib/server/ingest/parse-body');
const { prepareEvents } = await import('../src/lib/server/ingest/prepare');
const { textMayHoldSurrogates } = await import('../src/lib/server/ingest/lone-surrogates');
const { submitIngest } = await import('../src/lib/server/ingest/commit');
await migrate();
const now = new Date();
const bodies = [...generateEvents({ n, seed: 42, now, chunk: 5_000 })].map((events) => events.map((e) => JSON.stringify(e)).join('\n'));
let prepare: (text: string) => Promise<any[]>;
if (mode.startsWith('workers')) {
	const k = Number(mode.split(':')[1] ?? 1);
	const pool = Array.from({ length: k }, () => new Worker(new URL('./prepare-worker-boot.mjs', import.meta.url)));
	const waiting = new Map<number, (rows: any[]) => void>();
	for (const w of pool) w.on('message', (m) => waiting.get(m.id)!(m.rows));
	let seq = 0;
	prepare = (text) => new Promise((res) => { const id = seq++; waiting.set(id, res); pool[id % k].postMessage({ id, text, now: now.getTime() }); });
	await Promise.all(pool.map((_, i) => new Promise((r) => { waiting.set(-1 - i, r); r(null); })));
} else {
	prepare = async (text) => { const p = parseBody(text, 'application/x-ndjson'); if (!p.ok) throw new Error(); const r = await prepareEvents(p.items, p.sizes, { now, retention: { days: 90, securityDays: 365 }, surrogateFree: !textMayHoldSurrogates(text) }); if (!r.ok) throw new Error(); return r.rows; };
}
const late: number[] = [];
let last = performance.now();
const tick = setInterval(() => { const t = performance.now(); late.push(t - last - 5); last = t; }, 5);
let next = 0;
const t0 = performance.now(); const c0 = process.cpuUsage();
await Promise.all(Array.from({ length: 4 }, async () => { while (next < bodies.length) { const text = bodies[next++]; const rows = await prepare(text); await submitIngest({ rows, clientIds: true, keyId: 'b', bodyHash: '' }); } }));
const ms = performance.now() - t0; const c = process.cpuUsage(c0);
clearInterval(tick);
late.sort((a, b) => a - b);
console.log(JSON.stringify({ mode, eventsPerS: Math.round(n / ms * 1000), cpuUsPerEvent: +(((c.user + c.system) / n)).toFixed(1), stallMaxMs: Math.round(late[late.length - 1]), lateP50: +late[Math.floor(late.length / 2)].toFixed(1), lateP99: +late[Math.floor(late.length * 0.99)].toFixed(1), load: (await import('node:os')).loadavg()[0] }));
process.exit(0);
