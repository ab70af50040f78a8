/**
 * How prepared rows reach the embedded engine: chdb's inline rawInsert of JSONCompactEachRow (the
 * path before issue 14) against the app's insert() (a temporary file read by INSERT ... SELECT
 * FROM file()), alternating, into the full schema; with the longest event-loop stall of each.
 *
 * Usage: tsx bench/insert-paths.ts [rows per batch=100000] [rounds=3]
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { timedWithStalls } from './stall';

const batch = Number(process.argv[2] ?? 100_000);
const rounds = Number(process.argv[3] ?? 3);
const dir = mkdtempSync(join(tmpdir(), 'trailscope-insert-paths-'));
process.env.DATA_DIR = dir;
process.env.CLICKHOUSE_DATABASE = 'bench';
const { getConfig } = await import('../src/lib/server/config');
const { migrate } = await import('../clickhouse/migrate');
const { insert, query } = await import('../src/lib/server/clickhouse/query');
const { closeClickHouse } = await import('../src/lib/server/clickhouse/client');
const { prepareEvents } = await import('../src/lib/server/ingest/prepare');
const { generateEvents } = await import('./generate');
const { z } = await import('zod');

await migrate();
type Raw = (p: { table: string; values: Buffer; format: 'JSONCompactEachRow'; columns: string[] }) => Promise<unknown>;
const { createChdbConnection } = await import('chdb/connection');
const ch = getConfig().clickhouse;
if (ch.mode !== 'embedded') throw new Error('embedded only');
const legacy = createChdbConnection({ path: ch.path }) as unknown as { chdb: { rawInsert: Raw } };

const rows: import('../src/lib/server/ingest/event-row').EventRow[] = [];
for (const chunk of generateEvents({ n: batch * rounds * 2, seed: 7, now: new Date() })) {
	const p = await prepareEvents(chunk, chunk.map(() => 500), { now: new Date(), retention: getConfig().retention });
	if (!p.ok) throw new Error('refused');
	rows.push(...p.rows);
}

const timed = timedWithStalls;

const paths = {
	rawInsert: (r: typeof rows) =>
		timed(() => {
			const columns = Object.keys(r[0]);
			const values = Buffer.from(r.map((x) => JSON.stringify(columns.map((c) => (x as unknown as Record<string, unknown>)[c]))).join('\n'));
			return legacy.chdb.rawInsert({ table: 'bench.events', values, format: 'JSONCompactEachRow', columns });
		}),
	fileInsert: (r: typeof rows) => timed(() => insert('bench.insert', 'events', r))
};
let offset = 0;
for (let round = 0; round < rounds; round++)
	for (const [name, run] of Object.entries(paths)) {
		const r = await run(rows.slice(offset, (offset += batch)));
		console.log(`${name}: ${batch} rows in ${r.ms.toFixed(0)} ms (${Math.round((batch / r.ms) * 1000)} rows/s), longest event-loop stall ${r.stall.toFixed(0)} ms`);
	}
const n = await query({ name: 'bench.count', row: z.object({ n: z.coerce.number() }), sql: 'SELECT count() AS n FROM events' });
console.log(`stored ${n[0].n} of ${offset}`);
await closeClickHouse();
try {
	rmSync(dir, { recursive: true, force: true });
} catch {
	// the engine may still be writing a merge: the directory is in tmp
}
process.exit(0);
