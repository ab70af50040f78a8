/**
 * Where a rule tick's time goes, in-process: loads `n` generated events, catches the rules up,
 * then times ticks after TICK_EVENTS arrivals (1% late, as bench/tick.ts) and lists the engine's
 * own time per query name from system.query_log. Not part of `npm run bench`: a tool to profile with.
 *
 * Usage: [TICK_CPU_PROFILE=dir] tsx bench/tick-profile.ts [n=200000] [ticks=3]
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const n = Number(process.argv[2] ?? 200_000);
const ticks = Number(process.argv[3] ?? 3);
const dir = mkdtempSync(join(tmpdir(), 'trailscope-tick-profile-'));
Object.assign(process.env, { DATA_DIR: dir, SEED_DEMO: 'false', INGEST_API_KEY: 'tick-profile-key' });

const { startup } = await import('../src/lib/server/startup/startup');
const { insert } = await import('../src/lib/server/clickhouse/query');
const { closeClickHouse } = await import('../src/lib/server/clickhouse/client');
const { inBackground } = await import('../src/lib/server/clickhouse/lane');
const { prepareEvents } = await import('../src/lib/server/ingest/prepare');
const { getConfig } = await import('../src/lib/server/config');
const { evaluateRules } = await import('../src/lib/server/alerts/evaluate-rules');
const { generateEvents, DAY_MS } = await import('./generate');
const { arrivals } = await import('./tick');
type Alert = import('../src/lib/server/rules/decide').Alert;
const { getLaneClient } = await import('../src/lib/server/clickhouse/client');

async function store(events: object[], now = new Date()) {
	const prepared = await prepareEvents(events, events.map((e) => Buffer.byteLength(JSON.stringify(e))), { now, retention: getConfig().retention });
	if (!prepared.ok) throw new Error(JSON.stringify(prepared.problems.slice(0, 3)));
	await insert('bench.tickProfile', 'events', prepared.rows);
}

// The embedded engine keeps no query_log: time each statement of the background lane in-process.
const timings = new Map<string, { queries: number; ms: number; max: number }>();
function timeLane(client: Record<string, unknown>, method: 'query' | 'command') {
	const original = (client[method] as (p: { query: string }) => Promise<unknown>).bind(client);
	client[method] = async (p: { query: string }) => {
		const t0 = performance.now();
		try {
			return await original(p);
		} finally {
			const name = /log_comment = '([^']+)'/.exec(p.query)?.[1] ?? p.query.slice(0, 60).replace(/\s+/g, ' ');
			const ms = performance.now() - t0;
			const t = timings.get(name) ?? { queries: 0, ms: 0, max: 0 };
			timings.set(name, { queries: t.queries + 1, ms: t.ms + ms, max: Math.max(t.max, ms) });
		}
	};
}

let dumps = 0;
/** What a tick decided, in short: the same digest means the same alerts, versions, counts and incidents. */
function digest(r: { opened: Alert[]; extended: Alert[] }): string {
	const lines = [...r.opened, ...r.extended].map((a) => [a.ruleId, a.tenant, JSON.stringify(a.groupValues), a.id, a.version, a.count, a.evidenceCount, a.incidentId, a.windowStart.toISOString(), a.windowEnd.toISOString()].join(' ')).sort();
	if (process.env.TICK_DUMP) writeFileSync(`${process.env.TICK_DUMP}.${++dumps}`, lines.join('\n') + '\n');
	return createHash('sha256').update(lines.join('\n')).digest('hex').slice(0, 12);
}

/** With TICK_CPU_PROFILE=dir, the main thread's JavaScript during each tick, for Chrome's profiler. */
async function cpuProfiled<T>(name: string, work: () => Promise<T>): Promise<T> {
	const dir = process.env.TICK_CPU_PROFILE;
	if (!dir) return work();
	const { Session } = await import('node:inspector/promises');
	const session = new Session();
	session.connect();
	await session.post('Profiler.enable');
	await session.post('Profiler.start');
	try {
		return await work();
	} finally {
		const { profile } = await session.post('Profiler.stop');
		writeFileSync(join(dir, `${name}.cpuprofile`), JSON.stringify(profile));
		session.disconnect();
	}
}

try {
	await startup();
	const lane = (await getLaneClient('background')) as unknown as Record<string, unknown>;
	timeLane(lane, 'query');
	timeLane(lane, 'command');
	const now = new Date(Math.floor(Date.now() / DAY_MS) * DAY_MS);
	let t = performance.now();
	for (const chunk of generateEvents({ n, seed: 42, now, chunk: 100_000 })) await store(chunk);
	console.log(`loaded ${n} events in ${Math.round(performance.now() - t)} ms`);
	const settleMs = getConfig().rules.settleMs;
	// A clock of its own (the day's start plus 12 h, a minute per tick): two versions of the code
	// see the very same arrivals and times, so what they raise can be compared (the digest below).
	const clock = (i: number) => new Date(now.getTime() + 12 * 3600e3 + i * 60_000);
	t = performance.now();
	await inBackground(() => evaluateRules({ now: clock(0), settleMs }));
	console.log(`catch-up evaluation ${Math.round(performance.now() - t)} ms`);
	for (let i = 0; i < ticks; i++) {
		await store(arrivals(i, clock(i + 1).getTime() - 1000).split('\n').map((l) => JSON.parse(l) as object), new Date(clock(i + 1).getTime() - 500));
		timings.clear();
		t = performance.now();
		const report = await cpuProfiled(`tick-${i + 1}`, () => inBackground(() => evaluateRules({ now: clock(i + 1), settleMs })));
		const ms = performance.now() - t;
		const rows = [...timings].sort((a, b) => b[1].ms - a[1].ms);
		const total = rows.reduce((s, [, r]) => s + r.ms, 0);
		console.log(`\ntick ${i + 1}: ${Math.round(ms)} ms wall, ${Math.round(total)} ms in ${rows.reduce((s, [, r]) => s + r.queries, 0)} statements, ${report.runs.length} runs (${report.runs.filter((r) => r.windows > 0).length} with windows, ${report.runs.reduce((n, r) => n + r.windows, 0)} windows), ${report.opened.length} opened, ${report.extended.length} extended, digest ${digest(report)}`);
		for (const [name, r] of rows) console.log(`  ${r.ms.toFixed(0).padStart(6)} ms ${String(r.queries).padStart(3)}× (max ${r.max.toFixed(0)})  ${name}`);
	}
} finally {
	await closeClickHouse();
	rmSync(dir, { recursive: true, force: true });
}
