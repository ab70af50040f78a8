/**
 * The engine's own insert rate for the same rows, run as a child of run.ts: a process holds one
 * chDB data directory for its lifetime, so each size gets a fresh process and directory, and the
 * engine is gone (no background merges) before the HTTP phase starts.
 *
 * The app's modules come from `appDir` (run.ts's snapshot of the working tree), as the server's do.
 *
 * Usage: tsx bench/direct.ts '{"appDir":"/tmp/app","n":1000000,"limit":1000000,"seed":42,"nowMs":0,"dataDir":"/tmp/x","batch":100000}'
 */
import { join } from 'node:path';
import type { BenchEvent } from './generate';
import { runSealBench, type SealBenchResult } from './seals';

interface Args {
	appDir: string;
	n: number;
	limit: number;
	seed: number;
	nowMs: number;
	dataDir: string;
	batch: number;
	/** false skips the seal phase (bench/ingest-http.ts wants the insert rate only). */
	seals?: boolean;
}

export interface DirectResult {
	rows: number;
	insertMs: number;
	prepareMs: number;
	stored: number;
	batch: number;
	/** Issue 13: sealing these rows and verifying a tenant's month (bench/seals.ts). */
	seals: SealBenchResult;
}

const args = JSON.parse(process.argv[2] ?? '{}') as Args;
// Before the first import of the config module, which reads the environment once.
process.env.DATA_DIR = args.dataDir;
const app = (path: string) => import(join(args.appDir, path));
const { getConfig } = (await app('src/lib/server/config.ts')) as typeof import('../src/lib/server/config');
const { migrate } = (await app('clickhouse/migrate.ts')) as typeof import('../clickhouse/migrate');
const { getClickHouse, closeClickHouse } = (await app('src/lib/server/clickhouse/client.ts')) as typeof import('../src/lib/server/clickhouse/client');
const { insert } = (await app('src/lib/server/clickhouse/query.ts')) as typeof import('../src/lib/server/clickhouse/query');
const { prepareEvents } = (await app('src/lib/server/ingest/prepare.ts')) as typeof import('../src/lib/server/ingest/prepare');
const { generateEvents } = await import('./generate');

await migrate();
const client = await getClickHouse();
const result: Omit<DirectResult, 'seals'> & { seals?: SealBenchResult } = { rows: 0, insertMs: 0, prepareMs: 0, stored: 0, batch: args.batch };

async function flush(events: BenchEvent[]) {
	const sizes = events.map((e) => Buffer.byteLength(JSON.stringify(e)));
	let t = performance.now();
	const prepared = await prepareEvents(events, sizes, { now: new Date(), retention: getConfig().retention });
	result.prepareMs += performance.now() - t;
	if (!prepared.ok) throw new Error(`generated events were refused: ${JSON.stringify(prepared.problems.slice(0, 3))}`);
	t = performance.now();
	// The app's own insert: embedded, the fastest way found to hand rows to the engine (a temporary
	// file read by INSERT ... SELECT FROM file(), src/lib/server/clickhouse/file-insert.ts).
	await insert('bench.directInsert', 'events', prepared.rows);
	result.insertMs += performance.now() - t;
	result.rows += prepared.rows.length;
}

let pending: BenchEvent[] = [];
let seen = 0;
for (const chunk of generateEvents({ n: args.n, seed: args.seed, now: new Date(args.nowMs) })) {
	const take = chunk.slice(0, args.limit - seen);
	seen += take.length;
	pending.push(...take);
	if (pending.length >= args.batch) {
		await flush(pending);
		pending = [];
	}
	if (seen >= args.limit) break;
}
if (pending.length > 0) await flush(pending);

const rs = await client.query({ query: 'SELECT count() AS n FROM events', format: 'JSONEachRow' });
result.stored = Number(((await rs.json()) as { n: string }[])[0].n);
if (args.seals !== false) result.seals = await runSealBench(app, args.dataDir, new Date());
await closeClickHouse();
console.log(`RESULT ${JSON.stringify(result)}`);
process.exit(0);
