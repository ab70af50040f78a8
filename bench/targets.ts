import { throughput } from './concurrency';
import type { QueryKind } from './queries';
import type { SizeResult } from './report';
import { fmtBytes, fmtInt, fmtMs, fmtRatio } from './stats';

/** The issue's targets, which hold on the 2-core machine at 10M events. */
export const TARGETS = {
	concurrencyGain: 1.7,
	ingestRate: 100_000,
	ingestShare: 0.6,
	timelineP50: 15,
	filteredP50: 50,
	aggregateRatio: 20,
	rssBytes: 2 * 1024 ** 3,
	pageP50: 150,
	exportRate: 150_000,
	exportSlowdown: 2,
	reportP50: 300,
	overviewP50: 200,
	evaluateMs: 1000,
	backtestMs: 10_000,
	tickP50: 1000,
	verifyMonthMs: 60_000
};

interface Row {
	what: string;
	measured: string;
	target: string;
	/** Undefined: not measured in this run (SQLite skipped). */
	ok: boolean | undefined;
	/** How far from the target, when missed. */
	gap: string;
	/** What the run itself shows about a miss. */
	why: string;
}

const over = (value: number, limit: number) => `${fmtRatio(value / limit)} the limit`;
const under = (value: number, goal: number) => `${Math.round((value / goal) * 100)}% of the goal`;

/** Issue 14's table, row for row: each target met, or missed with the gap and what this run shows about it. */
export function targetRows(r: SizeResult): Row[] {
	const p50 = (k: QueryKind) => r.queries.find((q) => q.kind === k)?.api.p50 ?? NaN;
	const http = (r.ingest.events / r.ingest.ms) * 1000;
	const direct = (r.direct.rows / r.direct.insertMs) * 1000;
	const prepare = (r.direct.rows / r.direct.prepareMs) * 1000;
	const ratio = (k: QueryKind) => {
		const s = r.queries.find((q) => q.kind === k)?.sqlite;
		const own = r.inprocess[k];
		return s && own ? s.p50 / own.p50 : NaN;
	};
	const filtered = (['actor', 'cidr24', 'text'] as const).map((k) => [k, p50(k)] as const);
	const worstFiltered = Math.max(...filtered.map(([, v]) => v));
	const { report, overview } = r.product;
	const tick = r.ticks.tick;
	const x = r.exported;
	const exportRate = (x.rows / x.ms) * 1000;
	const rssGrowth = x.rss.peak - x.rss.before;
	const duringExport = x.during.p50 / x.idle.p50;
	const tl = r.ticks.timeline;
	const duringTick = tl.during.p50 / tl.idle.p50;
	const c = r.concurrency;
	const gain = throughput(c.many) / throughput(c.one);
	const rss = Math.max(r.rss.ingest, r.rss.queries, r.rss.final, x.rss.peak);
	const aggregate = (k: QueryKind, label: string): Row => {
		const q = ratio(k);
		const s = r.queries.find((v) => v.kind === k)?.sqlite;
		return {
			what: `${label}, 30 days: SQLite ÷ Trailscope, both in-process`,
			measured: Number.isNaN(q) ? 'not measured (--skip-sqlite)' : `${fmtRatio(q)} (${fmtMs(r.inprocess[k]!.p50)} vs ${fmtMs(s!.p50)})`,
			target: `≥ ${TARGETS.aggregateRatio}×`,
			ok: Number.isNaN(q) ? undefined : q >= TARGETS.aggregateRatio,
			gap: under(q, TARGETS.aggregateRatio),
			why: `Trailscope's own time in-process is ${fmtMs(r.inprocess[k]?.p50 ?? NaN)}: the fixed cost of a query on the embedded engine against a B-tree lookup`
		};
	};
	return [
		{
			what: `HTTP ingest, ${r.ingest.clients} clients, 5,000-event batches`,
			measured: `${fmtInt(http)} events/s = ${Math.round((http / direct) * 100)}% of the engine's ${fmtInt(direct)} rows/s`,
			target: `≥ ${fmtInt(TARGETS.ingestRate)} events/s and ≥ ${TARGETS.ingestShare} of the engine's own insert`,
			ok: http >= TARGETS.ingestRate && http / direct >= TARGETS.ingestShare,
			gap: `${under(http, TARGETS.ingestRate)}; ${Math.round((http / direct) * 100)}% of the engine where ${TARGETS.ingestShare * 100}% is asked`,
			why: `the server used ${r.ingest.serverCores.toFixed(2)} of 2 cores; validating and hashing alone (prepareEvents) runs at ${fmtInt(prepare)} events/s on one core${direct < TARGETS.ingestRate ? `; the engine's own insert is itself under ${fmtInt(TARGETS.ingestRate)}/s here` : ''}`
		},
		{ what: 'timeline first page, 30 days (HTTP API)', measured: `p50 ${fmtMs(p50('timeline'))}`, target: `p50 ≤ ${TARGETS.timelineP50} ms`, ok: p50('timeline') <= TARGETS.timelineP50, gap: over(p50('timeline'), TARGETS.timelineP50), why: 'each request pays HTTP, key check and JSON besides the read' },
		{
			what: 'actor, /24 and free-text pages (HTTP API)',
			measured: filtered.map(([k, v]) => `${k} ${fmtMs(v)}`).join(', '),
			target: `p50 ≤ ${TARGETS.filteredP50} ms`,
			ok: worstFiltered <= TARGETS.filteredP50,
			gap: over(worstFiltered, TARGETS.filteredP50),
			why: 'see the query table for which one and its p95'
		},
		aggregate('histogram', 'hourly histogram'),
		aggregate('failed', 'failed logins by IP'),
		{ what: 'security report, 30 days (API)', measured: `p50 ${fmtMs(report.p50)}`, target: `p50 ≤ ${TARGETS.reportP50} ms`, ok: report.p50 <= TARGETS.reportP50, gap: over(report.p50, TARGETS.reportP50), why: 'its queries share one engine session' },
		{ what: 'overview, 30 days (session)', measured: `p50 ${fmtMs(overview.p50)}`, target: `p50 ≤ ${TARGETS.overviewP50} ms`, ok: overview.p50 <= TARGETS.overviewP50, gap: over(overview.p50, TARGETS.overviewP50), why: 'its queries share one engine session' },
		{
			what: `one rule tick, every rule × 4 tenants, after ${fmtInt(tick.events)} arrivals (${fmtInt(tick.late)} late)`,
			measured: `p50 ${fmtMs(tick.p50)}`,
			target: `p50 ≤ ${fmtMs(TARGETS.tickP50)}`,
			ok: tick.p50 <= TARGETS.tickP50,
			gap: over(tick.p50, TARGETS.tickP50),
			why: 'one query per rule that had arrivals of its kinds, plus evidence, live alerts and incidents for every alert raised (bench/tick-profile.ts times each)'
		},
		{
			what: `CSV export of ${fmtInt(x.rows)} events, RSS flat`,
			measured: `${fmtInt(exportRate)} events/s; RSS +${fmtBytes(Math.max(0, rssGrowth))}`,
			target: `≥ ${fmtInt(TARGETS.exportRate)} events/s, peak < 256 MB over before`,
			ok: exportRate >= TARGETS.exportRate && rssGrowth < 256 * 1024 ** 2,
			gap: `${under(exportRate, TARGETS.exportRate)}${rssGrowth >= 256 * 1024 ** 2 ? `; RSS grew ${fmtBytes(rssGrowth)}` : ''}`,
			why: 'the export pages through the engine on the background lane while the timeline is probed every 200 ms'
		},
		{ what: 'timeline first page during the export', measured: `${fmtMs(x.idle.p50)} idle, ${fmtMs(x.during.p50)} during (${duringExport.toFixed(1)}×)`, target: `≤ ${TARGETS.exportSlowdown}× idle`, ok: duringExport <= TARGETS.exportSlowdown, gap: over(duringExport, TARGETS.exportSlowdown), why: 'the export and the page share 2 cores' },
		{ what: `timeline first page during a rule tick (${tl.ticks} ticks)`, measured: `${fmtMs(tl.idle.p50)} idle, ${fmtMs(tl.during.p50)} during (${duringTick.toFixed(1)}×, ${tl.during.runs} requests)`, target: `≤ ${TARGETS.exportSlowdown}× idle`, ok: tl.during.runs > 0 && duringTick <= TARGETS.exportSlowdown, gap: tl.during.runs ? over(duringTick, TARGETS.exportSlowdown) : 'no request finished during a tick', why: 'the tick and the page share 2 cores' },
		{
			what: `${c.many.clients} clients asking for pages at once (timeline, actor, /24, free text)`,
			measured: `${throughput(c.many).toFixed(1)} vs ${throughput(c.one).toFixed(1)} pages/s from one client (${gain.toFixed(2)}×); ${c.many.errors + c.one.errors} errors`,
			target: `≥ ${TARGETS.concurrencyGain}× one client's, 0 errors`,
			ok: gain >= TARGETS.concurrencyGain && c.many.errors + c.one.errors === 0,
			gap: `${fmtRatio(gain)} where ${TARGETS.concurrencyGain}× is asked${c.many.errors + c.one.errors ? `; first error: ${(c.many.error ?? c.one.error ?? '').slice(0, 120)}` : ''}`,
			why: `one client already keeps the engine busy part of the time; p50 with ${c.many.clients} clients ${fmtMs(c.many.latency.p50)} against ${fmtMs(c.one.latency.p50)}`
		},
		{ what: 'server RSS, whole run', measured: `peak ${fmtBytes(rss)}`, target: '< 2 GB', ok: rss < TARGETS.rssBytes, gap: over(rss, TARGETS.rssBytes), why: 'see the peaks by phase in the ingest table' }
	];
}

/** The table of issue 14's targets, first in each size's section. */
export function targetsTable(r: SizeResult): string[] {
	const shared = Math.max(r.foreign.ingest, r.foreign.queries, r.foreign.sqlite) > 0.25;
	const lines = ['| issue 14 target | measured | target | | gap and why, when missed |', '|---|---|---|:-:|---|'];
	for (const row of targetRows(r)) {
		const verdict = row.ok === undefined ? '–' : row.ok ? '✅ met' : '❌ missed';
		const why = row.ok === false ? `${row.gap}: ${row.why}${shared ? ' (the machine was shared during the run)' : ''}` : '';
		lines.push(`| ${row.what} | ${row.measured} | ${row.target} | ${verdict} | ${why} |`);
	}
	return lines;
}
