import type Database from 'better-sqlite3';
import { runHttpQuery } from './http';
import { compareSummaries, planQueries, QUERY_KINDS, type QueryKind, type QueryPlan, type ResultSummary } from './queries';
import type { QueryResult } from './report';
import { explain, runSqliteQuery } from './sqlite';
import { fmtMs, latency } from './stats';

const WARMUPS = 2;
/** Time SQLite may spend on one query's measured runs before it runs fewer (never under 5). */
const SQLITE_BUDGET_MS = 90_000;
const SLOW_MS = 1000;

export interface ApiRun {
	results: QueryResult[];
	plans: Map<QueryKind, QueryPlan[]>;
	/** The API's answer to the first measured plan of each query, for the cross-check. */
	summaries: Map<QueryKind, ResultSummary>;
	runs: number;
}

/** Each query `runs` times one after another, after two warm-ups, with different parameters every run. */
export async function runApiQueries(base: string, key: string, now: Date, seed: number, runs: number, log: (m: string) => void): Promise<ApiRun> {
	const out: ApiRun = { results: [], plans: new Map(), summaries: new Map(), runs };
	for (const { kind } of QUERY_KINDS) {
		const plans = planQueries(kind, WARMUPS + runs, now, seed);
		out.plans.set(kind, plans);
		const times: number[] = [];
		let rows = 0;
		for (let i = 0; i < plans.length; i++) {
			const { ms, summary } = await runHttpQuery(base, key, plans[i]);
			if (i === WARMUPS) out.summaries.set(kind, summary);
			if (i >= WARMUPS) times.push(ms);
			rows += summary.ids?.length ?? summary.top?.length ?? 0;
		}
		const api = latency(times);
		out.results.push({ kind, api });
		log(`API ${kind}: p50 ${fmtMs(api.p50)}, p95 ${fmtMs(api.p95)}, ${(rows / plans.length).toFixed(1)} rows per answer`);
	}
	return out;
}

/** The same plans on SQLite; a query whose warm-up took over a second runs fewer times (at least 5). */
export function runSqliteQueries(db: Database.Database, api: ApiRun, log: (m: string) => void): Partial<Record<QueryKind, string>> {
	const plansUsed: Partial<Record<QueryKind, string>> = {};
	for (const result of api.results) {
		const plans = api.plans.get(result.kind)!;
		plansUsed[result.kind] = explain(db, plans[WARMUPS]);
		const warm = runSqliteQuery(db, plans[0]).ms;
		let runs = api.runs;
		if (warm > SLOW_MS) {
			runs = Math.max(5, Math.min(api.runs, Math.floor(SQLITE_BUDGET_MS / warm)));
			if (runs < api.runs) result.sqliteReduced = warm;
		} else runSqliteQuery(db, plans[1]);
		const times: number[] = [];
		for (let i = WARMUPS; i < WARMUPS + runs; i++) {
			const { ms, summary } = runSqliteQuery(db, plans[i]);
			times.push(ms);
			if (i === WARMUPS) {
				const diff = compareSummaries(api.summaries.get(result.kind)!, summary);
				if (diff) result.mismatch = diff;
			}
		}
		result.sqlite = latency(times);
		log(`SQLite ${result.kind}: p50 ${fmtMs(result.sqlite.p50)}, p95 ${fmtMs(result.sqlite.p95)} (${runs} runs); plan: ${plansUsed[result.kind]}`);
	}
	return plansUsed;
}
