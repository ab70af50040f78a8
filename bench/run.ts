/**
 * `npm run bench [-- --sizes=1000000,10000000 --clients=4 --quick --skip-sqlite]`
 * Prints one markdown section per size. Each size, as soon as it is done, is written to
 * bench/results/<size>.md (1M.md, 10M.md, 200k.md for --quick) with the date, the machine and the
 * commit, so a long run that stops keeps what it finished and a size can be run alone
 * (`--sizes=10000000`); bench/results/latest.md holds the whole run.
 */
import Database from 'better-sqlite3';
import { execFileSync, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureBuild } from '../scripts/ensure-build.js';
import type { DirectResult } from './direct';
import { runConcurrency } from './concurrency';
import { closeExport, runExport } from './export';
import type { InProcessResult } from './inprocess';
import { DAY_MS, writeNdjson, type GenSpec } from './generate';
import { closeHttp, ingestFile } from './http';
import { ForeignCpu, snapshotApp, type AppSnapshot } from './machine';
import { runApiQueries, runSqliteQueries } from './measure';
import { closePage, runPageLoads, signIn } from './page';
import { QUERY_TENANT } from './catalogue';
import { header, sizeLabel, sizeSection, type SizeResult } from './report';
import { cpuSeconds, RssSampler, startServer, waitForQuiet, type RunningServer } from './server';
import { loadSqlite } from './sqlite';
import { runProductQueries } from './product';
import { catchUpRules, runTicks } from './tick';
import { fmtBytes, fmtDuration, fmtInt } from './stats';

const argv = process.argv.slice(2);
const flag = (name: string) => argv.find((a) => a === `--${name}` || a.startsWith(`--${name}=`))?.split('=')[1];
const has = (name: string) => argv.some((a) => a === `--${name}` || a.startsWith(`--${name}=`));
const sizes = has('quick') ? [200_000] : (flag('sizes') ?? '1000000,10000000').split(',').map(Number);
const clients = Number(flag('clients') ?? 4);
const skipSqlite = has('skip-sqlite');
const seed = Number(flag('seed') ?? 42);
const directMax = Number(flag('direct-max') ?? 2_000_000);
const exportRows = Number(flag('export-rows') ?? 1_000_000);
const runs = Number(flag('runs') ?? 30);
if (sizes.some((n) => !Number.isInteger(n) || n < 1000) || !(clients >= 1)) throw new Error('usage: --sizes=N[,N...] (each at least 1000) --clients=N');

// A fixed day start: the same events on every run of a day, all within the 90-day retention.
const now = new Date(Math.floor(Date.now() / DAY_MS) * DAY_MS);
const root = mkdtempSync(join(tmpdir(), 'trailscope-bench-'));
const log = (msg: string) => console.error(`[bench ${new Date().toISOString().slice(11, 19)}] ${msg}`);
let server: RunningServer | undefined;

async function cleanup() {
	await server?.stop().catch(() => {});
	server = undefined;
	rmSync(root, { recursive: true, force: true });
}
for (const sig of ['SIGINT', 'SIGTERM'] as const)
	process.once(sig, () => {
		log(`${sig}: stopping the server and removing ${root}`);
		void cleanup().finally(() => process.exit(130));
	});

function runDirect(app: AppSnapshot, spec: GenSpec, dataDir: string): Promise<DirectResult> {
	const args = { appDir: app.dir, n: spec.n, limit: Math.min(spec.n, directMax), seed: spec.seed, nowMs: spec.now.getTime(), dataDir, batch: 100_000 };
	return runChild<DirectResult>('direct.ts', 'direct insert', app, args);
}

/** A bench script in a process of its own (one engine data directory per process); its answer is the line `RESULT {...}`. */
function runChild<T>(name: string, what: string, app: AppSnapshot, args: object): Promise<T> {
	const script = fileURLToPath(new URL(`./${name}`, import.meta.url));
	return new Promise((resolve, reject) => {
		const child = spawn(process.execPath, ['--import', 'tsx', script, JSON.stringify(args)], { cwd: app.dir, stdio: ['ignore', 'pipe', 'inherit'] });
		let out = '';
		child.stdout.on('data', (c: Buffer) => (out += c.toString()));
		child.on('error', reject);
		child.on('exit', (code) => {
			const line = out.split('\n').find((l) => l.startsWith('RESULT '));
			if (code === 0 && line) resolve(JSON.parse(line.slice(7)) as T);
			else reject(new Error(`${what} exited with code ${code}: ${out.slice(-2000)}`));
		});
	});
}

async function runSize(app: AppSnapshot, n: number): Promise<SizeResult> {
	const t0 = performance.now();
	const dir = join(root, String(n));
	mkdirSync(dir, { recursive: true });
	const spec: GenSpec = { n, seed, now };

	log(`${fmtInt(n)}: generating NDJSON`);
	const file = writeNdjson(join(dir, 'events.ndjson'), spec);
	log(`${fmtInt(n)}: ${fmtBytes(file.bytes)} in ${fmtDuration(file.ms)}; direct insert of the first ${fmtInt(Math.min(n, directMax))} rows`);
	const direct = await runDirect(app, spec, join(dir, 'direct'));
	rmSync(join(dir, 'direct'), { recursive: true, force: true });
	log(`${fmtInt(n)}: direct ${fmtInt((direct.rows / direct.insertMs) * 1000)} rows/s; starting the server`);

	const key = randomBytes(16).toString('hex');
	const admin = { email: 'bench@example.com', password: randomBytes(12).toString('hex') };
	server = await startServer({ appDir: app.dir, dataDir: join(dir, 'server'), key, logPath: join(dir, 'server.log'), admin });
	const rss = new RssSampler(server.pid);
	rss.enter('ingest');
	const cpu0 = cpuSeconds(server.pid);
	let others = new ForeignCpu([server.pid]);
	let shown = 0;
	const ingest = await ingestFile(server.base, key, file, clients, (done) => {
		if (done - shown >= n / 10) log(`${fmtInt(n)}: ingested ${fmtInt((shown = done))}`);
	});
	const serverCores = (cpuSeconds(server.pid) - cpu0) / (ingest.ms / 1000);
	const foreign = { ingest: others.cores(), queries: 0, sqlite: 0 };
	log(`${fmtInt(n)}: HTTP ${fmtInt((ingest.events / ingest.ms) * 1000)} events/s; the rules catch up with the import`);
	rss.enter('settle');
	const catchUp = await catchUpRules(server.base, key);
	log(`${fmtInt(n)}: rules caught up in ${fmtDuration(catchUp.ms)} (${fmtInt(catchUp.alerts)} alerts); waiting for merges`);
	const settleMs = await waitForQuiet(server.pid);
	rss.enter('queries');
	others = new ForeignCpu([server.pid]);
	const api = await runApiQueries(server.base, key, now, seed, runs, log);
	const session = await signIn(server.base, admin.email, admin.password);
	const page = await runPageLoads(server.base, session, now, seed, runs);
	log(`${fmtInt(n)}: security report, overview, rule evaluation and backtest`);
	const product = await runProductQueries(server.base, key, session, runs);
	log(`${fmtInt(n)}: scheduler ticks with late arrivals, and a late burst's time to alert`);
	const ticks = await runTicks(server.base, key, Math.min(runs, 10), now, seed);
	log(`${fmtInt(n)}: tick p50 ${ticks.tick.p50.toFixed(0)} ms; pages from one client, then from 20 at once`);
	const concurrency = await runConcurrency(server.base, key, now, seed);
	foreign.queries = others.cores();
	log(`${fmtInt(n)}: /events load p50 ${page.latency.p50.toFixed(1)} ms; exporting up to ${fmtInt(exportRows)} events as CSV`);
	const exported = await runExport(server.base, key, now, seed, file.stats.perTenant[QUERY_TENANT], exportRows, rss);
	log(`${fmtInt(n)}: export ${fmtInt((exported.rows / exported.ms) * 1000)} events/s; timeline p50 ${exported.idle.p50.toFixed(1)} ms idle, ${exported.during.p50.toFixed(1)} ms during`);
	rss.enter('end');
	rss.stop();
	await server.stop();
	server = undefined;
	log(`${fmtInt(n)}: histogram and failed logins by IP in-process, as SQLite is measured`);
	const aggregates = Object.fromEntries(['histogram', 'failed'].map((k) => [k, api.plans.get(k as 'histogram')!]));
	const inprocess = await runChild<InProcessResult>('inprocess.ts', 'in-process queries', app, { appDir: app.dir, dataDir: join(dir, 'server'), plans: aggregates, warmups: 2 });
	rmSync(join(dir, 'server'), { recursive: true, force: true });
	rmSync(file.path, { force: true });

	const result: SizeResult = {
		n,
		gen: { ms: file.ms, bytes: file.bytes, stats: file.stats },
		direct,
		ingest: { ...ingest, clients, serverCores },
		rss: { ingest: Math.max(rss.peaks.ingest ?? 0, rss.peaks.settle ?? 0), queries: rss.peaks.queries ?? 0, final: rss.last },
		settleMs,
		catchUp,
		queries: api.results,
		page,
		product,
		ticks,
		concurrency,
		inprocess,
		seals: direct.seals,
		exported,
		foreign,
		wallMs: 0
	};
	if (!skipSqlite) {
		log(`${fmtInt(n)}: loading SQLite`);
		others = new ForeignCpu([]);
		const { db, load } = loadSqlite(join(dir, 'sqlite.db'), spec, (rows) => rows % 1_000_000 === 0 && log(`${fmtInt(n)}: SQLite ${fmtInt(rows)} rows`));
		log(`${fmtInt(n)}: SQLite ${fmtInt((load.rows / load.insertMs) * 1000)} rows/s; querying`);
		try {
			result.sqlite = { ...load, plans: runSqliteQueries(db, api, log) };
		} finally {
			db.close();
		}
		foreign.sqlite = others.cores();
	}
	rmSync(dir, { recursive: true, force: true });
	result.wallMs = performance.now() - t0;
	return result;
}

// The SQLite peer is bench's own dependency, the engine the app's.
const version = (pkg: string) => {
	const path = [`bench/node_modules/${pkg}/package.json`, `node_modules/${pkg}/package.json`].find((p) => existsSync(p));
	return path ? (JSON.parse(readFileSync(path, 'utf8')) as { version: string }).version : 'unknown';
};

/** The code measured: the commit, and whether the working tree differed from it. */
function commit(): string {
	const git = (...a: string[]) => execFileSync('git', a, { encoding: 'utf8' }).trim();
	try {
		return `${git('rev-parse', 'HEAD')}${git('status', '--porcelain', '--', '.') ? ' (dirty: uncommitted changes)' : ''}`;
	} catch {
		return 'unknown (not a git checkout)';
	}
}

function machine(): string {
	const cpu = cpus()[0]?.model.trim() ?? 'unknown CPU';
	const mem = new Database(':memory:');
	const sqlite = (mem.prepare('SELECT sqlite_version() AS v').get() as { v: string }).v;
	mem.close();
	return `${cpus().length} cores (${cpu}), ${fmtBytes(totalmem())} RAM, Node ${process.version}, chdb ${version('chdb')}, SQLite ${sqlite} (better-sqlite3 ${version('better-sqlite3')})`;
}

async function main() {
	const started = performance.now();
	ensureBuild();
	const app = snapshotApp(join(root, 'app'));
	log(`app snapshot ${app.hash}: ${app.migrations.length} migrations, in ${app.dir}`);
	const head = header(machine(), argv.join(' '), app, commit());
	const sections: string[] = [head];
	console.log(head);
	mkdirSync('bench/results', { recursive: true });
	for (const n of sizes) {
		const section = sizeSection(await runSize(app, n));
		console.log(section);
		sections.push(section);
		// Written at once: a later size that fails or is stopped leaves this one's results.
		const file = `bench/results/${sizeLabel(n)}.md`;
		writeFileSync(file, [head, section].join('\n'));
		log(`wrote ${file}`);
	}
	sections.push(`Whole run: ${fmtDuration(performance.now() - started)}.`, '');
	console.log(sections[sections.length - 2]);
	writeFileSync('bench/results/latest.md', sections.join('\n'));
	log(`wrote bench/results/latest.md (${fmtDuration(performance.now() - started)})`);
}

try {
	await main();
} finally {
	closeHttp();
	closePage();
	closeExport();
	await cleanup();
}
