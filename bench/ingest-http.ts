/**
 * HTTP ingest alone, as `npm run bench` measures it (the built app, `clients` senders, 5,000-event
 * NDJSON batches), without the query phases: events/s of each run on a fresh server, their ratio
 * to the engine's own insert of the same rows (bench/direct.ts), the server's cores, other
 * processes' cores (the machine is shared), and the timeline's first page asked one request
 * after another while the ingest runs, next to its idle latency on the same server.
 *
 * Usage: tsx bench/ingest-http.ts [--events=200000] [--clients=4] [--runs=3] [--skip-direct]
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { ensureBuild } from '../scripts/ensure-build.js';
import type { DirectResult } from './direct';
import { DAY_MS, writeNdjson } from './generate';
import { closeHttp, ingestFile, runHttpQuery } from './http';
import { ForeignCpu, snapshotApp } from './machine';
import { planQueries } from './queries';
import { cpuSeconds, startServer } from './server';
import { fmtInt, latency, type Latency } from './stats';

const argv = process.argv.slice(2);
const flag = (name: string, fallback: number) => Number(argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1] ?? fallback);
const n = flag('events', 200_000);
const clients = flag('clients', 4);
const runs = flag('runs', 3);
const seed = 42;
const now = new Date(Math.floor(Date.now() / DAY_MS) * DAY_MS);
const root = mkdtempSync(join(tmpdir(), 'trailscope-ingest-http-'));
const log = (msg: string) => console.error(`[ingest-http ${new Date().toISOString().slice(11, 19)}] ${msg}`);

ensureBuild();
const app = snapshotApp(join(root, 'app'));
const file = writeNdjson(join(root, 'events.ndjson'), { n, seed, now });
log(`app ${app.hash}; ${fmtInt(n)} events in ${file.batches.length} batches`);

function direct(): DirectResult | undefined {
	if (argv.includes('--skip-direct')) return undefined;
	const args = { appDir: app.dir, n, limit: n, seed, nowMs: now.getTime(), dataDir: join(root, 'direct'), batch: 100_000, seals: false };
	const script = fileURLToPath(new URL('./direct.ts', import.meta.url));
	const r = spawnSync(process.execPath, ['--import', 'tsx', script, JSON.stringify(args)], { cwd: app.dir, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
	rmSync(args.dataDir, { recursive: true, force: true });
	const line = r.stdout.split('\n').find((l) => l.startsWith('RESULT '));
	if (r.status !== 0 || !line) throw new Error(`direct insert exited with ${r.status}: ${r.stdout.slice(-1000)}`);
	return JSON.parse(line.slice(7)) as DirectResult;
}

interface Run {
	eventsPerS: number;
	serverCores: number;
	foreignCores: number;
	idle: Latency;
	during: Latency;
}

/** The first page asked one request after another; a failed one (a reset keep-alive socket) is counted, not fatal. */
async function timeline(base: string, key: string, plans: ReturnType<typeof planQueries>, until: () => boolean): Promise<{ times: number[]; failed: number }> {
	const times: number[] = [];
	let failed = 0;
	for (let i = 0; !until(); i++) {
		try {
			times.push((await runHttpQuery(base, key, plans[i % plans.length])).ms);
		} catch {
			failed++;
		}
	}
	return { times, failed };
}

async function once(i: number): Promise<Run> {
	const key = randomBytes(16).toString('hex');
	const server = await startServer({ appDir: app.dir, dataDir: join(root, `server-${i}`), key, logPath: join(root, `server-${i}.log`) });
	try {
		const plans = planQueries('timeline', 1000, now, seed ^ 0x3c3c);
		let asked = 0;
		const idle = (await timeline(server.base, key, plans, () => asked++ >= 22)).times.slice(2);
		const cpu0 = cpuSeconds(server.pid);
		const others = new ForeignCpu([server.pid]);
		let done = false;
		const probe = timeline(server.base, key, plans, () => done);
		const result = await ingestFile(server.base, key, file, clients)
			.catch((e: unknown) => {
				throw new Error(`${String(e)}; the server's log ends:\n${readFileSync(server.logPath, 'utf8').slice(-3000)}`);
			})
			.finally(() => (done = true));
		const probed = await probe;
		const run: Run = {
			eventsPerS: (result.events / result.ms) * 1000,
			serverCores: (cpuSeconds(server.pid) - cpu0) / (result.ms / 1000),
			foreignCores: others.cores(),
			idle: latency(idle),
			during: latency(probed.times)
		};
		if (result.accepted !== n) throw new Error(`accepted ${result.accepted} of ${n}`);
		log(`run ${i + 1}: ${fmtInt(run.eventsPerS)} events/s, server ${run.serverCores.toFixed(2)} cores, others ${run.foreignCores.toFixed(2)}; timeline p50 ${run.idle.p50.toFixed(1)} ms idle, ${run.during.p50.toFixed(1)} ms during (p95 ${run.during.p95.toFixed(0)}, ${run.during.runs} answered, ${probed.failed} failed)`);
		return run;
	} finally {
		await server.stop();
		rmSync(join(root, `server-${i}`), { recursive: true, force: true });
	}
}

try {
	const d = direct();
	const engine = d ? (d.rows / d.insertMs) * 1000 : NaN;
	if (d) log(`engine's own insert (app's insert(), 100k-row batches): ${fmtInt(engine)} rows/s; prepareEvents ${fmtInt((d.rows / d.prepareMs) * 1000)} events/s`);
	const all: Run[] = [];
	for (let i = 0; i < runs; i++) all.push(await once(i));
	const median = (f: (r: Run) => number) => all.map(f).sort((a, b) => a - b)[Math.floor(all.length / 2)];
	const rate = median((r) => r.eventsPerS);
	console.log(
		JSON.stringify({
			date: new Date().toISOString(),
			app: app.hash,
			events: n,
			clients,
			runs: all.map((r) => Math.round(r.eventsPerS)),
			medianEventsPerS: Math.round(rate),
			engineRowsPerS: Math.round(engine),
			ratio: Number((rate / engine).toFixed(2)),
			serverCores: Number(median((r) => r.serverCores).toFixed(2)),
			// Steadier than events/s on a shared machine: what one event costs the server, engine included.
			serverCpuUsPerEvent: Number(median((r) => (r.serverCores / r.eventsPerS) * 1e6).toFixed(1)),
			foreignCores: all.map((r) => Number(r.foreignCores.toFixed(2))),
			timelineIdleP50: Number(median((r) => r.idle.p50).toFixed(1)),
			timelineDuringP50: Number(median((r) => r.during.p50).toFixed(1)),
			timelineDuringP95: Number(median((r) => r.during.p95).toFixed(1))
		})
	);
} finally {
	closeHttp();
	rmSync(root, { recursive: true, force: true });
}
