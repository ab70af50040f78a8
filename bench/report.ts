import type { ConcurrencyResult } from './concurrency';
import type { InProcessResult } from './inprocess';
import type { ProductResult } from './product';
import type { TickResult } from './tick';
import type { SealBenchResult } from './seals';
import type { DirectResult } from './direct';
import type { ExportResult } from './export';
import type { GenStats } from './generate';
import type { IngestResult } from './http';
import type { AppSnapshot } from './machine';
import { QUERY_KINDS, type QueryKind } from './queries';
import { TARGETS, targetsTable } from './targets';
import type { SqliteLoad } from './sqlite';
import { fmtBytes, fmtDuration, fmtInt, fmtMs, fmtRatio, mark, type Latency } from './stats';

export { TARGETS };

export interface QueryResult {
	kind: QueryKind;
	api: Latency;
	sqlite?: Latency;
	/** SQLite ran fewer times than the API because one run took this long. */
	sqliteReduced?: number;
	mismatch?: string;
}

export interface SizeResult {
	n: number;
	gen: { ms: number; bytes: number; stats: GenStats };
	direct: DirectResult;
	ingest: IngestResult & { clients: number; serverCores: number };
	rss: { ingest: number; queries: number; final: number };
	settleMs: number;
	/** The rules' evaluation of the imported history, before the queries. */
	catchUp: { ms: number; alerts: number };
	queries: QueryResult[];
	/** The /events page's server load (issue 4). */
	page: { latency: Latency; events: number };
	/** The security report, the overview, rule evaluation and a backtest (issues 5 and 6). */
	product: ProductResult;
	/** Issue 10: a scheduler tick with late arrivals, and a late burst's time to alert. */
	ticks: TickResult;
	/** Issue 14: pages asked by one client, then by 20 at once. */
	concurrency: ConcurrencyResult;
	/** Issue 14: the aggregate queries in-process on the server's data, as SQLite is measured. */
	inprocess: InProcessResult;
	/** Issue 13: sealing every tenant's events and verifying one tenant's month. */
	seals: SealBenchResult;
	exported: ExportResult;
	sqlite?: SqliteLoad & { plans: Partial<Record<QueryKind, string>> };
	/** Cores other processes on the machine used during ingest, API queries and SQLite. */
	foreign: { ingest: number; queries: number; sqlite: number };
	wallMs: number;
}

const rate = (rows: number, ms: number) => (rows / ms) * 1000;

function ingestTable(r: SizeResult): string[] {
	const http = rate(r.ingest.events, r.ingest.ms);
	const direct = rate(r.direct.rows, r.direct.insertMs);
	const share = http / direct;
	const rss = Math.max(r.rss.ingest, r.rss.queries, r.rss.final, r.exported.rss.peak);
	const limited = r.direct.rows < r.n ? ` (first ${fmtInt(r.direct.rows)} rows)` : '';
	const lines = [
		'| ingest | events/s | target | |',
		'|---|---:|---|:-:|',
		`| HTTP API: ${r.ingest.clients} clients, NDJSON batches of 5,000 | ${fmtInt(http)} | ≥ ${fmtInt(TARGETS.ingestRate)} | ${mark(http >= TARGETS.ingestRate)} |`,
		`| engine direct insert of the same rows${limited}, the app's \`insert()\` (temporary file + \`INSERT ... SELECT FROM file()\`) of ${fmtInt(r.direct.batch)}-row batches | ${fmtInt(direct)} | | |`,
		`| HTTP ÷ direct | ${Math.round(share * 100)}% | ≥ ${TARGETS.ingestShare * 100}% | ${mark(share >= TARGETS.ingestShare)} |`
	];
	if (r.sqlite) lines.push(`| SQLite insert, 4 B-tree indexes, 50k rows per transaction | ${fmtInt(rate(r.sqlite.rows, r.sqlite.insertMs))} | | |`);
	lines.push(
		`| server peak RSS: during ingest / queries / at the end | ${fmtBytes(r.rss.ingest)} / ${fmtBytes(r.rss.queries)} / ${fmtBytes(r.rss.final)} | < 2 GB | ${mark(rss < TARGETS.rssBytes)} |`
	);
	return lines;
}

const filteredKinds: QueryKind[] = ['actor', 'cidr24', 'text'];

function queryTarget(kind: QueryKind, q: QueryResult, r: SizeResult): { text: string; ok?: boolean } {
	const group = QUERY_KINDS.find((k) => k.kind === kind)!.group;
	if (group === 'timeline') return { text: `p50 ≤ ${TARGETS.timelineP50} ms`, ok: q.api.p50 <= TARGETS.timelineP50 };
	if (group === 'filtered') return filteredKinds.includes(kind) ? { text: `p50 ≤ ${TARGETS.filteredP50} ms`, ok: q.api.p50 <= TARGETS.filteredP50 } : { text: '' };
	const ratio = aggregateRatio(kind, q, r);
	return { text: `≥ ${TARGETS.aggregateRatio}× SQLite, in-process`, ok: Number.isNaN(ratio) ? undefined : ratio >= TARGETS.aggregateRatio };
}

/** SQLite's p50 over Trailscope's, both in-process (issue 14: measured the same way). */
function aggregateRatio(kind: QueryKind, q: QueryResult, r: SizeResult): number {
	const own = r.inprocess[kind];
	return q.sqlite && own ? q.sqlite.p50 / own.p50 : NaN;
}

function queryTable(r: SizeResult): string[] {
	const lines = [
		'| query | HTTP API p50 | p95 | in-process p50 | SQLite p50 (in-process) | SQLite p95 | SQLite ÷ Trailscope (p50, in-process) | target | |',
		'|---|---:|---:|---:|---:|---:|---:|---|:-:|'
	];
	for (const q of r.queries) {
		const label = QUERY_KINDS.find((k) => k.kind === q.kind)!.label;
		const t = queryTarget(q.kind, q, r);
		const s = q.sqlite;
		const own = r.inprocess[q.kind];
		const runs = s && s.runs !== q.api.runs ? ` (${s.runs} runs)` : '';
		const ratio = own ? aggregateRatio(q.kind, q, r) : s ? s.p50 / q.api.p50 : NaN;
		lines.push(
			`| ${label} | ${fmtMs(q.api.p50)} | ${fmtMs(q.api.p95)} | ${own ? fmtMs(own.p50) : '–'} | ${s ? fmtMs(s.p50) + runs : '–'} | ${s ? fmtMs(s.p95) : '–'} | ${Number.isNaN(ratio) ? '–' : fmtRatio(ratio) + (own ? '' : ' (HTTP)')} | ${t.text || '–'} | ${t.ok === undefined ? '–' : mark(t.ok)} |`
		);
	}
	return lines;
}

/** Issue 4's rows: what a person waits for on the timeline, and an export beside it. */
function timelineTable(r: SizeResult): string[] {
	const p = r.page.latency;
	const x = r.exported;
	const rate = (x.rows / x.ms) * 1000;
	const slowdown = x.during.p50 / x.idle.p50;
	return [
		'| timeline page and export (issue 4) | measured | target | |',
		'|---|---:|---|:-:|',
		`| /events page server load (table page, histogram and total, 30 days): p50 / p95 | ${fmtMs(p.p50)} / ${fmtMs(p.p95)} | p50 ≤ ${TARGETS.pageP50} ms | ${mark(p.p50 <= TARGETS.pageP50)} |`,
		`| CSV export of ${fmtInt(x.rows)} events (${fmtBytes(x.bytes)} in ${fmtDuration(x.ms)}) | ${fmtInt(rate)} events/s | ≥ ${fmtInt(TARGETS.exportRate)} events/s | ${mark(rate >= TARGETS.exportRate)} |`,
		`| server RSS around the export: before / peak / 3 s after | ${fmtBytes(x.rss.before)} / ${fmtBytes(x.rss.peak)} / ${fmtBytes(x.rss.after)} | flat | ${mark(x.rss.peak - x.rss.before < 256 * 1024 ** 2)} |`,
		`| timeline first page during the export: p50 idle / during (${x.during.runs} runs) | ${fmtMs(x.idle.p50)} / ${fmtMs(x.during.p50)} (${slowdown.toFixed(1)}×) | ≤ ${TARGETS.exportSlowdown}× idle | ${mark(slowdown <= TARGETS.exportSlowdown)} |`
	];
}

/** Issues 5 and 6: the reports people read and the work of the rule scheduler. */
function productTable(r: SizeResult): string[] {
	const { report, overview, evaluate, backtest } = r.product;
	const { tick } = r.ticks;
	return [
		'| reports and rules (issues 5, 6 and 10) | p50 / p95 | target | |',
		'|---|---:|---|:-:|',
		`| security report, 30 days, one tenant (API) | ${fmtMs(report.p50)} / ${fmtMs(report.p95)} | p50 ≤ ${TARGETS.reportP50} ms | ${mark(report.p50 <= TARGETS.reportP50)} |`,
		`| overview server load, 30 days (session) | ${fmtMs(overview.p50)} / ${fmtMs(overview.p95)} | p50 ≤ ${TARGETS.overviewP50} ms | ${mark(overview.p50 <= TARGETS.overviewP50)} |`,
		`| all built-in rules re-run over the last 3 minutes of every tenant (${evaluate.windows} rule windows, ${evaluate.runs} runs) | ${fmtMs(evaluate.p50)} / ${fmtMs(evaluate.p95)} | ≤ ${fmtMs(TARGETS.evaluateMs)} | ${mark(evaluate.p95 <= TARGETS.evaluateMs)} |`,
		`| 30-day backtest of brute_force_ip (${backtest.alerts} alerts, ${backtest.runs} runs) | ${fmtMs(backtest.p50)} / ${fmtMs(backtest.p95)} | ≤ ${fmtMs(TARGETS.backtestMs)} | ${mark(backtest.p95 <= TARGETS.backtestMs)} |`,
		`| one scheduler tick, all rules × 4 tenants, after ${fmtInt(tick.events)} arrivals of which ${fmtInt(tick.late)} late by up to 30 days (${tick.runs} runs) | ${fmtMs(tick.p50)} / ${fmtMs(tick.p95)} | p50 ≤ ${fmtMs(TARGETS.tickP50)} | ${mark(tick.p50 <= TARGETS.tickP50)} |`,
		`| timeline first page during ${r.ticks.timeline.ticks} further ticks: p50 idle / during (${r.ticks.timeline.during.runs} requests) | ${fmtMs(r.ticks.timeline.idle.p50)} / ${fmtMs(r.ticks.timeline.during.p50)} (${(r.ticks.timeline.during.p50 / r.ticks.timeline.idle.p50).toFixed(1)}×) | ≤ ${TARGETS.exportSlowdown}× idle | ${mark(r.ticks.timeline.during.p50 / r.ticks.timeline.idle.p50 <= TARGETS.exportSlowdown)} |`,
		`| a burst that happened 2 h ago: accepted → alert stored (plus up to a minute until the next tick) | ${r.ticks.lateBurst.raised ? fmtMs(r.ticks.lateBurst.ms) : 'not raised'} | | ${mark(r.ticks.lateBurst.raised)} |`,
		...sealRows(r.seals)
	];
}

/** Issue 13: the 10M target is a month verified in a minute, so the rate is what to compare. */
function sealRows(s: SealBenchResult): string[] {
	const perMillion = s.seal.events ? (s.seal.ms / s.seal.events) * 1e6 : 0;
	const verifyRate = rate(s.verify.events, s.verify.ms);
	const month10M = (10_000_000 / verifyRate) * 1000;
	return [
		`| sealing (direct, no HTTP): first run over ${fmtInt(s.seal.events)} events (${fmtInt(s.seal.seals)} hourly seals of every tenant) | ${fmtMs(s.seal.ms)} = ${fmtMs(perMillion)} per million events | | |`,
		`| sealing: a run with nothing due (every 5 minutes) | ${fmtMs(s.idleMs)} | | |`,
		`| verify one tenant's 31 days from the store (direct; ${fmtInt(s.verify.events)} events, ${s.verify.verified ? 'verified' : 'NOT verified'}) | ${fmtInt(verifyRate)} events/s; 10M in ${fmtDuration(month10M)} | 10M in ≤ ${fmtDuration(TARGETS.verifyMonthMs)} | ${mark(s.verify.verified && month10M <= TARGETS.verifyMonthMs)} |`,
		`| ingest rate lost to the full hash (${fmtInt(s.hash.events)} events: form 2 ${fmtMs(s.hash.form2Ms)} against form 1 ${fmtMs(s.hash.form1Ms)}, of prepareEvents' ${fmtMs(s.hash.prepareMs)}) | ${((100 * (s.hash.form2Ms - s.hash.form1Ms)) / s.hash.prepareMs).toFixed(1)}% | ≤ 5% | ${mark(s.hash.form2Ms - s.hash.form1Ms <= 0.05 * s.hash.prepareMs)} |`
	];
}

function notes(r: SizeResult): string[] {
	const s = r.gen.stats;
	const out = [
		`- Data: ${fmtInt(r.n)} events over 30 days (${Object.entries(s.perTenant).map(([t, n]) => `${t} ${fmtInt(n)}`).join(', ')}); queries target acme. ` +
			`${fmtInt(s.failedSignins)} of ${fmtInt(s.signins)} sign-ins failed; NDJSON ${fmtBytes(r.gen.bytes)}, generated in ${fmtDuration(r.gen.ms)} before the clock starts.`,
		`- HTTP ingest: ${fmtInt(r.ingest.events)} events in ${fmtDuration(r.ingest.ms)} (${fmtInt(r.ingest.requests)} requests, ${fmtInt(r.ingest.accepted)} accepted, ${fmtInt(r.ingest.duplicates)} duplicates); ` +
			`the server used ${r.ingest.serverCores.toFixed(2)} of 2 cores on average. Events carry their own ids, so every batch also runs the duplicate-id check.`,
		`- Direct insert: ${fmtInt(r.direct.rows)} rows${r.direct.rows < r.n ? ` (the first ${fmtInt(r.direct.rows)} of ${fmtInt(r.n)}, to bound the run time)` : ''} in ${fmtDuration(r.direct.insertMs)} of \`insert()\` time; ` +
			`turning them into rows (\`prepareEvents\`: validation, hash, geo), not counted, ran at ${fmtInt(rate(r.direct.rows, r.direct.prepareMs))} events/s on one core.`,
		`- After the import the rules caught up with it in one evaluation (${fmtDuration(r.catchUp.ms)}, ${fmtInt(r.catchUp.alerts)} alerts raised over the generated history), so no tick over the history runs under the timed phases; the scheduler still ticks every minute.`,
		`- Queries ran one at a time after the server had been idle for 3 s (background merges done; waited ${fmtDuration(r.settleMs)}); each timing covers the request until the whole JSON body arrived. ` +
			`${r.queries[0]?.api.runs ?? 0} runs per query after 2 warm-ups, each with a different 30-day window end and actor, block or word.`
	];
	out.push(
		`- /events load: \`/events/__data.json\` with a signed-in administrator's session and the tenant chosen by cookie, ${r.page.latency.runs} runs after 2 warm-ups, 30-day windows as above; it holds the layout's data, ${r.page.events} events, the histogram and the period's total.`,
		`- Export: \`GET /api/v1/events/export?format=csv\` of the query tenant's newest events (period cut to hold about 1,000,000), read by one client as fast as it arrives; RSS sampled every 200 ms ("flat" = peak under 256 MB above before). ` +
			`A timeline first-page request was sent every 200 ms while the export ran (the export's own rate is measured with them); its idle figure is 20 runs just before.`,
		`- During a tick: after the timed ticks, ${r.ticks.timeline.ticks} more ticks (each after its own arrivals) with timeline first pages asked one after another while each ran; idle is 20 runs just before. The timed ticks ran without them.`,
		`- Concurrency: timeline, actor, /24 and free-text pages through the API in turn, one client for ${fmtDuration(r.concurrency.one.ms)}, then ${r.concurrency.many.clients} clients at once for ${fmtDuration(r.concurrency.many.ms)}; any answer but 200 counts as an error.`,
		`- In-process aggregates: once the server had stopped, a process of its own opened its data directory and called the functions the histogram and failed-logins routes call, with the very plans the API and SQLite ran (2 warm-ups), so both engines are timed without HTTP.`
	);
	if (r.sqlite) {
		out.push(
			`- SQLite file ${fmtBytes(r.sqlite.fileBytes)} after ANALYZE (${fmtDuration(r.sqlite.analyzeMs)}); queried in-process through better-sqlite3, so it pays no HTTP or JSON cost. ` +
				`The actor filter there matches actor_id only (the API also matches the email).`
		);
		const reduced = r.queries.filter((q) => q.sqliteReduced !== undefined);
		if (reduced.length)
			out.push(`- SQLite ran fewer times where one run took long: ${reduced.map((q) => `${q.kind} ${q.sqlite!.runs} runs (about ${fmtMs(q.sqliteReduced!)} each)`).join(', ')}.`);
	}
	const f = r.foreign;
	const busy = Math.max(f.ingest, f.queries, f.sqlite) > 0.25 ? '⚠ The machine was shared, so these numbers are pessimistic: o' : 'O';
	out.push(`- ${busy}ther processes used ${f.ingest.toFixed(2)} / ${f.queries.toFixed(2)} / ${f.sqlite.toFixed(2)} cores during HTTP ingest / API queries / SQLite.`);
	const bad = r.queries.filter((q) => q.mismatch);
	out.push(bad.length ? `- ⚠ Answers differ between the engines: ${bad.map((q) => `${q.kind}: ${q.mismatch}`).join('; ')}.` : r.sqlite ? '- Both engines returned the same events, totals and top IPs for the compared run of each query.' : '');
	return out.filter(Boolean);
}

export function sizeSection(r: SizeResult): string {
	const at10m = r.n >= 10_000_000 ? '' : ' (the targets are set for 10M events; shown here for reference)';
	return [`## ${fmtInt(r.n)} events${at10m}`, '', ...targetsTable(r), '', ...ingestTable(r), '', ...queryTable(r), '', ...timelineTable(r), '', ...productTable(r), '', ...notes(r), `- This size took ${fmtDuration(r.wallMs)} in all.`, ''].join('\n');
}

/** A size as its results file is named: 1M, 10M, 200k, 50k. */
export const sizeLabel = (n: number) => (n % 1_000_000 === 0 ? `${n / 1_000_000}M` : n % 1000 === 0 ? `${n / 1000}k` : String(n));

export function header(machine: string, args: string, app: AppSnapshot, commit: string): string {
	const m = app.migrations;
	return [
		`# Trailscope benchmark, ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC`,
		'',
		`Machine: ${machine}. Command: \`npm run bench${args ? ` -- ${args}` : ''}\`. Commit: ${commit}.`,
		`App: src/ and clickhouse/ as of ${app.takenAt.toISOString().slice(11, 16)} UTC (content hash ${app.hash}; migrations ${m[0]?.slice(0, 4)}–${m[m.length - 1]?.slice(0, 4)}), copied before the first size so that every phase measures the same version.`,
		''
	].join('\n');
}
