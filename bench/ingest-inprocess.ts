/**
 * The app's ingest without HTTP: `clients` concurrent senders each pass 5,000-event NDJSON
 * requests to ingest() (parse, validate, prepare, group commit, insert), with the longest
 * event-loop stall seen meanwhile. The app's modules come from `root`, so two checkouts can be
 * compared in the same conditions.
 *
 * Usage: tsx bench/ingest-inprocess.ts [root=.] [events=200000] [clients=4]
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { generateEvents } from './generate';
import { timedWithStalls } from './stall';

const root = resolve(process.argv[2] ?? '.');
const n = Number(process.argv[3] ?? 200_000);
const clients = Number(process.argv[4] ?? 4);
process.env.DATA_DIR = mkdtempSync(join(tmpdir(), 'trailscope-ingest-'));
process.env.CLICKHOUSE_DATABASE = 'bench';
process.env.SEED_DEMO = 'false';
const app = (path: string) => import(join(root, path));
const { migrate } = (await app('clickhouse/migrate.ts')) as typeof import('../clickhouse/migrate');
const { ingest } = (await app('src/lib/server/ingest/ingest.ts')) as typeof import('../src/lib/server/ingest/ingest');
await migrate();

const now = new Date();
const bodies = [...generateEvents({ n, seed: 42, now, chunk: 5_000 })].map((events) => events.map((e) => JSON.stringify(e)).join('\n'));
const key = { id: 'bench', name: 'bench', scopes: ['ingest'], tenant: null } as unknown as Parameters<typeof ingest>[0]['key'];

let next = 0;
let accepted = 0;
const { ms, stall } = await timedWithStalls(() => Promise.all(
	Array.from({ length: clients }, async () => {
		while (next < bodies.length) {
			const text = bodies[next++];
			const r = await ingest({ text, contentType: 'application/x-ndjson', key, now: new Date() });
			if (r.status !== 202) throw new Error(JSON.stringify(r.body).slice(0, 300));
			accepted += r.body.accepted;
		}
	})
));
console.log(`${root}: ${accepted} events in ${ms.toFixed(0)} ms = ${Math.round((accepted / ms) * 1000)} events/s with ${clients} senders; longest event-loop stall ${stall.toFixed(0)} ms`);
process.exit(0);
