/**
 * The timeline's first page while an export or a rule tick runs, with that work on the background
 * lane (a second engine session, plain SQL) and, for comparison, forced onto the interactive one
 * (the bound-parameter chain every page also waits on). In-process, one store of `events` events.
 *
 * Usage: tsx bench/lanes.ts [events=200000]
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateEvents } from './generate';
import { latency } from './stats';

const n = Number(process.argv[2] ?? 200_000);
process.env.DATA_DIR = mkdtempSync(join(tmpdir(), 'trailscope-lanes-'));
process.env.CLICKHOUSE_DATABASE = 'bench';
process.env.SEED_DEMO = 'false';
const { getConfig } = await import('../src/lib/server/config');
const { startup } = await import('../src/lib/server/startup/startup');
const { insert } = await import('../src/lib/server/clickhouse/query');
const { inLane } = await import('../src/lib/server/clickhouse/lane');
const { prepareEvents } = await import('../src/lib/server/ingest/prepare');
const { listEvents } = await import('../src/lib/server/queries/events/list-events');
const { listExportCsvPage } = await import('../src/lib/server/queries/events/list-export-csv-page');
const { exportChunks } = await import('../src/lib/server/export/export-stream');
const { csvFormatter } = await import('../src/lib/server/export/formats');
const { runRuleJob } = await import('../src/lib/server/alerts/rule-job');
const { createMailer } = await import('../src/lib/server/mail/mailer');
const { EventFilterSchema } = await import('../src/lib/schemas/event-filter');
type Lane = import('../src/lib/server/clickhouse/lane').Lane;

await startup();
const now = new Date();
for (const chunk of generateEvents({ n, seed: 42, now })) {
	const p = await prepareEvents(chunk, chunk.map(() => 500), { now, retention: getConfig().retention });
	if (p.ok) await insert('bench.insertEvents', 'events', p.rows);
}
const page = EventFilterSchema.parse({ tenant: 'acme', from: 'now-30d' });
const all = EventFilterSchema.parse({ tenant: 'acme', from: 'now-30d' });
const mailer = createMailer({ from: 'bench@example.com', outboxDir: mkdtempSync(join(tmpdir(), 'trailscope-lanes-outbox-')) });

/** Timeline first-page latencies, one request every 50 ms, until `work` ends (or 20 requests). */
async function probe(work?: () => Promise<unknown>) {
	const times: number[] = [];
	let done = !work;
	const running = work?.().finally(() => (done = true));
	const t0 = performance.now();
	while (work ? !done : times.length < 20) {
		const t = performance.now();
		await listEvents('*', page, new Date());
		times.push(performance.now() - t);
		await new Promise((r) => setTimeout(r, 50));
	}
	await running;
	return { p50: latency(times).p50, n: times.length, ms: performance.now() - t0 };
}

const exportAll = (lane: Lane) => async () => {
	let bytes = 0;
	const source = (after: Parameters<typeof listExportCsvPage>[3]['after'], limit: number, signal: AbortSignal) =>
		inLane(lane, () => listExportCsvPage('*', all, now, { after, limit, signal, receivedBefore: new Date() }));
	for await (const chunk of exportChunks(source, csvFormatter())) bytes += chunk.length;
	return bytes;
};
const tick = (lane: Lane) => () => inLane(lane, () => runRuleJob(new Date(), mailer, { rerunFrom: new Date(Date.now() - 30 * 60e3) }));

const show = (label: string, r: { p50: number; n: number; ms: number }) => console.log(`${label}: timeline p50 ${r.p50.toFixed(1)} ms (${r.n} requests over ${(r.ms / 1000).toFixed(1)} s)`);
await probe();
show('idle', await probe());
for (let round = 0; round < 2; round++) {
	for (const lane of ['background', 'interactive'] as const) show(`export, ${lane} lane`, await probe(exportAll(lane)));
	for (const lane of ['background', 'interactive'] as const) show(`rule tick, ${lane} lane`, await probe(tick(lane)));
	show('idle', await probe());
}
process.exit(0);
