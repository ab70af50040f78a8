/**
 * What preparing an ingest request costs the event loop, stage by stage: parseBody, the reserved
 * check and prepareEvents on 5,000-event NDJSON bodies (100k events a round), then writing the
 * rows as the embedded insert's file does (JSONCompactEachRow). Two checkouts alternate round by
 * round in one process, so a shared machine's noise falls on both alike; CPU time of this thread.
 *
 * Usage: tsx bench/prepare-path.ts [root=.] [other root] [rounds=7]
 */
import { resolve } from 'node:path';
import { generateEvents } from './generate';

const roots = [process.argv[2] ?? '.', process.argv[3]].filter((r): r is string => !!r).map((r) => resolve(r));
const rounds = Number(process.argv[4] ?? 7);
type Stages = { parse: number; reserved: number; prepare: number; serialise: number };

async function load(root: string) {
	const { parseBody } = (await import(`${root}/src/lib/server/ingest/parse-body.ts`)) as typeof import('../src/lib/server/ingest/parse-body');
	const { prepareEvents } = (await import(`${root}/src/lib/server/ingest/prepare.ts`)) as typeof import('../src/lib/server/ingest/prepare');
	const { reservedProblems } = (await import(`${root}/src/lib/server/ingest/reserved.ts`)) as typeof import('../src/lib/server/ingest/reserved');
	const surrogates = (await import(`${root}/src/lib/server/ingest/lone-surrogates.ts`)) as Partial<typeof import('../src/lib/server/ingest/lone-surrogates')>;
	return { parseBody, prepareEvents, reservedProblems, mayHold: surrogates.textMayHoldSurrogates };
}
const apps = await Promise.all(roots.map(load));
const now = new Date();
const bodies = [...generateEvents({ n: 100_000, seed: 7, now, chunk: 5_000 })].map((evs) => evs.map((e) => JSON.stringify(e)).join('\n'));
const retention = { days: 90, securityDays: 365 };
const cpu = () => {
	const u = process.cpuUsage();
	return (u.user + u.system) / 1000;
};

async function round(app: (typeof apps)[number]): Promise<Stages> {
	const t: Stages = { parse: 0, reserved: 0, prepare: 0, serialise: 0 };
	for (const body of bodies) {
		let t0 = cpu();
		const p = app.parseBody(body, 'application/x-ndjson');
		if (!p.ok) throw new Error(p.problem.message);
		t.parse += cpu() - t0;
		t0 = cpu();
		app.reservedProblems(p.items, 'trailscope', null);
		t.reserved += cpu() - t0;
		t0 = cpu();
		// As ingest() calls it; a checkout from before the text check walks every event instead.
		const surrogateFree = app.mayHold ? !app.mayHold(body) : undefined;
		const r = await app.prepareEvents(p.items, p.sizes, { now, retention, surrogateFree });
		if (!r.ok) throw new Error(JSON.stringify(r.problems.slice(0, 2)));
		t.prepare += cpu() - t0;
		t0 = cpu();
		const columns = Object.keys(r.rows[0]);
		let text = '';
		for (const row of r.rows) text += JSON.stringify(columns.map((c) => (row as unknown as Record<string, unknown>)[c])) + '\n';
		if (text.length === 0) throw new Error('empty');
		t.serialise += cpu() - t0;
	}
	return t;
}

for (const app of apps) await round(app);
const seen: Stages[][] = apps.map(() => []);
for (let i = 0; i < rounds; i++) for (const [k, app] of apps.entries()) seen[k].push(await round(app));
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
for (const [k, root] of roots.entries()) {
	const m = Object.fromEntries((['parse', 'reserved', 'prepare', 'serialise'] as const).map((s) => [s, Math.round(median(seen[k].map((x) => x[s])))]));
	const total = Object.values(m).reduce((a, b) => a + b, 0);
	const prep = median(seen[k].map((x) => x.prepare));
	console.log(JSON.stringify({ root, cpuMsPer100k: m, totalMs: total, prepareEventsPerS: Math.round(100_000 / (prep / 1000)), pathEventsPerS: Math.round(100_000 / (total / 1000)) }));
}
