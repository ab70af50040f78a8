export {};
/**
 * Issue 13: a kept store for timing verification in-process, without the whole bench.
 *   npx tsx bench/seal-store.ts prepare DIR [N]   generate N events (30 days), insert, seal
 *   npx tsx bench/seal-store.ts verify DIR [runs] time GET /api/v1/seals/verify's work on the query tenant's 31 days
 * The data directory is held by one process at a time: nothing else may use DIR meanwhile.
 */
const [cmd, dir, arg] = process.argv.slice(2);
if (!dir || !['prepare', 'verify'].includes(cmd)) throw new Error('usage: seal-store.ts prepare|verify DIR [N|runs]');
process.env.DATA_DIR = dir;
const { readFileSync, writeFileSync, existsSync } = await import('node:fs');
const { join } = await import('node:path');
const { getConfig } = await import('../src/lib/server/config');
const { migrate } = await import('../clickhouse/migrate');
const { insert } = await import('../src/lib/server/clickhouse/query');
const { closeClickHouse } = await import('../src/lib/server/clickhouse/client');
const { prepareEvents } = await import('../src/lib/server/ingest/prepare');
const { sealDue } = await import('../src/lib/server/seals/seal-due');
const { loadSealKey } = await import('../src/lib/server/seals/seal-key');
const { verifyStored } = await import('../src/lib/server/seals/run-seals');
const { generateEvents } = await import('./generate');
const { QUERY_TENANT } = await import('./catalogue');

await migrate();
const nowFile = join(dir, 'bench-now.txt');
if (cmd === 'prepare') {
	const n = Number(arg ?? 1_000_000);
	const now = new Date(Math.floor(Date.now() / 86_400_000) * 86_400_000);
	writeFileSync(nowFile, now.toISOString());
	for (const chunk of generateEvents({ n, seed: 42, now, chunk: 100_000 })) {
		const p = await prepareEvents(chunk, chunk.map(() => 500), { now: new Date(), retention: getConfig().retention });
		if (!p.ok) throw new Error(JSON.stringify(p.problems.slice(0, 2)));
		await insert('bench.sealStore', 'events', p.rows);
	}
	const t0 = performance.now();
	const r = await sealDue({ now: new Date(), settleMs: 0, periodMs: getConfig().seals.periodMs, key: loadSealKey(getConfig().seals.keyFile) });
	console.log(JSON.stringify({ events: n, seals: r.seals.length, sealed: r.seals.reduce((s, x) => s + x.events, 0), sealMs: Math.round(performance.now() - t0) }));
} else {
	if (!existsSync(nowFile)) throw new Error(`${dir}: run prepare first`);
	const now = new Date(readFileSync(nowFile, 'utf8'));
	for (let i = 0; i < Number(arg ?? 3); i++) {
		const t0 = performance.now();
		const c0 = process.cpuUsage();
		const r = await verifyStored(QUERY_TENANT, new Date(now.getTime() - 31 * 86_400_000), new Date(now.getTime() + 86_400_000));
		const ms = performance.now() - t0;
		// CPU of the process (Node and the engine's threads): on a shared machine the steadier figure.
		const c = process.cpuUsage(c0);
		const cpuMs = (c.user + c.system) / 1000;
		const perSecond = Math.round(r.events / (ms / 1000));
		console.log(JSON.stringify({ date: new Date().toISOString(), events: r.events, verified: r.verified, failed: r.failed, ms: Math.round(ms), perSecond, cpuMs: Math.round(cpuMs), perCpuSecond: Math.round(r.events / (cpuMs / 1000)) }));
	}
}
await closeClickHouse();
process.exit(0);
