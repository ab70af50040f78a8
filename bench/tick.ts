import { DAY_MS, generateEvents, PERIOD_MS } from './generate';
import { runHttpQuery } from './http';
import { send } from './page';
import { Prng } from './prng';
import { planQueries } from './queries';
import { latency, type Latency } from './stats';

/** Issue 10: the scheduler's tick when some events come late, and how soon a late burst alerts. */
export interface TickResult {
	/** One evaluation of every rule for every tenant after a batch arrived (`late` of them late). */
	tick: Latency & { events: number; late: number };
	/** From the 202 of a burst that happened two hours ago to its alert being stored. */
	lateBurst: { ms: number; raised: boolean };
	/** Issue 14: the timeline's first page idle, and asked one request after another during further ticks. */
	timeline: { idle: Latency; during: Latency; ticks: number };
}

export const TICK_EVENTS = 5000;
export const LATE_SHARE = 0.01;

function ok(what: string, reply: { status: number; body: Buffer }): string {
	const text = reply.body.toString('utf8');
	if (reply.status < 200 || reply.status > 299) throw new Error(`${what}: HTTP ${reply.status}: ${text.slice(0, 300)}`);
	return text;
}

/**
 * A minute's arrivals: TICK_EVENTS events of the benchmark's tenants and mix, 99% of them from the
 * last minute and 1% from any time in the 30 days before (a shipper's backlog, an import).
 */
export function arrivals(run: number, now = Date.now()): string {
	const r = new Prng(10_000 + run);
	const [events] = [...generateEvents({ n: TICK_EVENTS, seed: 10_000 + run, now: new Date(now), chunk: TICK_EVENTS })];
	const lines = events.map((e) => {
		const late = r.next() < LATE_SHARE;
		const at = late ? now - 120_000 - Math.floor(r.next() * (PERIOD_MS - DAY_MS)) : now - Math.floor(r.next() * 60_000);
		return JSON.stringify({ ...e, occurred_at: new Date(at).toISOString() });
	});
	return lines.join('\n');
}

/**
 * The rules catching up with a bulk import, through POST /api/v1/rules/evaluate, before anything
 * is timed: otherwise the scheduler's own ticks over the imported history (tens of seconds at 1M)
 * run under the query phases at whatever minute they fall on.
 */
export async function catchUpRules(base: string, key: string): Promise<{ ms: number; alerts: number }> {
	const t0 = performance.now();
	const headers = { authorization: `Bearer ${key}`, 'content-type': 'application/json' };
	const r = JSON.parse(ok('evaluate', await send(`${base}/api/v1/rules/evaluate`, 'POST', headers, '{}'))) as { alerts_raised: number };
	return { ms: performance.now() - t0, alerts: r.alerts_raised };
}

/** The work of one scheduler tick, through POST /api/v1/rules/evaluate (what the schedule runs each minute). */
export async function runTicks(base: string, key: string, runs: number, now: Date, seed: number): Promise<TickResult> {
	const auth = { authorization: `Bearer ${key}` };
	const json = { ...auth, 'content-type': 'application/json' };
	const ndjson = { ...auth, 'content-type': 'application/x-ndjson' };
	const evaluate = async () => JSON.parse(ok('evaluate', await send(`${base}/api/v1/rules/evaluate`, 'POST', json, '{}'))) as { alerts_raised: number };
	// The evaluation that catches up with the bulk load is not a tick: let it happen before timing.
	await evaluate();
	const times: number[] = [];
	for (let i = 0; i < runs; i++) {
		ok('ingest', await send(`${base}/api/v1/events`, 'POST', ndjson, arrivals(i)));
		const t0 = performance.now();
		await evaluate();
		times.push(performance.now() - t0);
	}
	// Apart from the timed ticks, so that the probes' own load does not count in a tick's time.
	const plans = planQueries('timeline', 1000, now, seed ^ 0x1c1c);
	const idle: number[] = [];
	for (let i = 0; i < 22; i++) {
		const { ms } = await runHttpQuery(base, key, plans[i]);
		if (i >= 2) idle.push(ms);
	}
	const during: number[] = [];
	const probeTicks = Math.min(runs, 5);
	let next = 22;
	for (let i = 0; i < probeTicks; i++) {
		ok('ingest', await send(`${base}/api/v1/events`, 'POST', ndjson, arrivals(runs + i)));
		let done = false;
		const tick = evaluate().finally(() => (done = true));
		while (!done && next < plans.length) {
			const { ms } = await runHttpQuery(base, key, plans[next++]);
			if (!done) during.push(ms);
		}
		await tick;
	}
	const ip = '198.18.7.7';
	const burst = Array.from({ length: 30 }, (_, i) =>
		JSON.stringify({ tenant: 'acme', occurred_at: new Date(Date.now() - 2 * 3600e3 + i * 10_000).toISOString(), action: 'login_failed', outcome: 'failure', actor: { id: `late-${i % 3}` }, ip })
	);
	ok('late burst', await send(`${base}/api/v1/events`, 'POST', ndjson, burst.join('\n')));
	const t0 = performance.now();
	await evaluate();
	const found = JSON.parse(ok('alerts', await send(`${base}/api/v1/alerts?tenant=acme&rule_id=brute_force_ip&status=open,acknowledged,resolved&since=now-1d&limit=1000`, 'GET', auth))) as { alerts: { group: { ip?: string } }[] };
	const raised = found.alerts.some((a) => a.group.ip === ip);
	return { tick: { ...latency(times), events: TICK_EVENTS, late: Math.round(TICK_EVENTS * LATE_SHARE) }, lateBurst: { ms: performance.now() - t0, raised }, timeline: { idle: latency(idle), during: latency(during), ticks: probeTicks } };
}
