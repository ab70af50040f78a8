import { QUERY_TENANT } from './catalogue';
import { send } from './page';
import { latency, type Latency } from './stats';

/** What issues 5 and 6 put in the benchmark: the report, the overview, rule evaluation and a backtest. */
export interface ProductResult {
	report: Latency;
	overview: Latency;
	evaluate: Latency & { windows: number };
	backtest: Latency & { alerts: number };
}

async function timed(runs: number, warmups: number, once: () => Promise<string>): Promise<{ latency: Latency; last: string }> {
	const times: number[] = [];
	let last = '';
	for (let i = 0; i < runs + warmups; i++) {
		const t0 = performance.now();
		last = await once();
		if (i >= warmups) times.push(performance.now() - t0);
	}
	return { latency: latency(times), last };
}

function ok(what: string, reply: { status: number; body: Buffer }): string {
	const text = reply.body.toString('utf8');
	if (reply.status !== 200) throw new Error(`${what}: HTTP ${reply.status}: ${text.slice(0, 300)}`);
	return text;
}

/**
 * Each through HTTP as people and the scheduler use it: the 30-day security report of the query
 * tenant (API), the overview's server load for 30 days (a signed-in session), an evaluation of
 * every built-in rule for the last minute's windows of every tenant, and a 30-day backtest.
 */
export async function runProductQueries(base: string, key: string, session: string, runs: number): Promise<ProductResult> {
	const auth = { authorization: `Bearer ${key}` };
	const json = { ...auth, 'content-type': 'application/json' };
	const report = await timed(runs, 2, async () => ok('security report', await send(`${base}/api/v1/reports/security?tenant=${QUERY_TENANT}&from=now-30d&to=now&tz=Europe/Paris`, 'GET', auth)));
	const overview = await timed(runs, 2, async () => ok('overview', await send(`${base}/__data.json?period=30d&tz=Europe/Paris`, 'GET', { cookie: `${session}; ts_tenant=${QUERY_TENANT}` })));
	// Re-evaluating the last three minutes of every rule and tenant (deterministic alert ids: it
	// raises nothing twice); the tick after real arrivals is measured in tick.ts.
	const evaluate = await timed(Math.min(runs, 10), 1, async () => ok('evaluate', await send(`${base}/api/v1/rules/evaluate`, 'POST', json, JSON.stringify({ since: 'now-3m' }))));
	const backtest = await timed(Math.min(runs, 5), 1, async () =>
		ok('backtest', await send(`${base}/api/v1/rules/brute_force_ip/backtest`, 'POST', json, JSON.stringify({ days: 30, tenant: QUERY_TENANT })))
	);
	const windows = (JSON.parse(evaluate.last).runs as { windows: number }[]).reduce((n, r) => n + r.windows, 0);
	return {
		report: report.latency,
		overview: overview.latency,
		evaluate: { ...evaluate.latency, windows },
		backtest: { ...backtest.latency, alerts: JSON.parse(backtest.last).alerts as number }
	};
}
