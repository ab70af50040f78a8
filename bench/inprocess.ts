/**
 * The aggregate queries measured the way SQLite is (issue 14: "both measured the same way"): the
 * app's own query functions called in-process on the server's data directory once the server has
 * stopped, with the very plans the API and SQLite ran. A child of run.ts (one data directory per
 * process); prints `RESULT {...}`.
 *
 * Usage: tsx bench/inprocess.ts '{"appDir":"/tmp/app","dataDir":"/tmp/x/server","plans":[...]}'
 */
import { join } from 'node:path';
import type { QueryKind, QueryPlan } from './queries';
import { latency, type Latency } from './stats';

interface Args {
	appDir: string;
	dataDir: string;
	/** Per query kind: its plans, warm-ups first. */
	plans: Partial<Record<QueryKind, (Omit<QueryPlan, 'from' | 'to'> & { from: string; to: string })[]>>;
	warmups: number;
}

export type InProcessResult = Partial<Record<QueryKind, Latency>>;

const args = JSON.parse(process.argv[2] ?? '{}') as Args;
// Before the first import of the config module, which reads the environment once.
Object.assign(process.env, { DATA_DIR: args.dataDir, SEED_DEMO: 'false' });
const app = (path: string) => import(join(args.appDir, path));
const { closeClickHouse } = (await app('src/lib/server/clickhouse/client.ts')) as typeof import('../src/lib/server/clickhouse/client');
const { parseFilter } = (await app('src/lib/server/http/parse-filter.ts')) as typeof import('../src/lib/server/http/parse-filter');
const { getHistogram } = (await app('src/lib/server/queries/events/get-histogram.ts')) as typeof import('../src/lib/server/queries/events/get-histogram');
const { listFailedLoginsByIp } = (await app('src/lib/server/queries/reports/list-failed-logins-by-ip.ts')) as typeof import('../src/lib/server/queries/reports/list-failed-logins-by-ip');

// What the two API routes call, with what they pass (bench/http.ts's queryPath).
async function run(p: QueryPlan): Promise<void> {
	if (p.kind === 'histogram') {
		const filter = parseFilter(new URLSearchParams({ tenant: p.tenant, from: p.from.toISOString(), to: p.to.toISOString() }));
		if (filter instanceof Response) throw new Error(`histogram filter refused: ${await filter.text()}`);
		await getHistogram('*', filter, new Date(), { interval: '1h', timezone: 'UTC' });
	} else if (p.kind === 'failed') await listFailedLoginsByIp({ scope: '*', tenant: p.tenant, from: p.from, to: p.to, timezone: 'UTC' }, 100);
	else throw new Error(`no in-process run for ${p.kind}`);
}

const result: InProcessResult = {};
for (const [kind, plans] of Object.entries(args.plans) as [QueryKind, NonNullable<Args['plans'][QueryKind]>][]) {
	const times: number[] = [];
	for (let i = 0; i < plans.length; i++) {
		const p: QueryPlan = { ...plans[i], from: new Date(plans[i].from), to: new Date(plans[i].to) };
		const t0 = performance.now();
		await run(p);
		if (i >= args.warmups) times.push(performance.now() - t0);
	}
	result[kind] = latency(times);
}
await closeClickHouse();
console.log(`RESULT ${JSON.stringify(result)}`);
process.exit(0);
