// The worker side of bench/prepare-workers.ts: parses and prepares one body, posts the rows back. Never imports chdb.
import { parentPort } from 'node:worker_threads';
const { parseBody } = await import('../src/lib/server/ingest/parse-body');
const { prepareEvents } = await import('../src/lib/server/ingest/prepare');
const { textMayHoldSurrogates } = await import('../src/lib/server/ingest/lone-surrogates');
parentPort!.on('message', async (m: { id: number; text: string; now: number }) => {
	const p = parseBody(m.text, 'application/x-ndjson');
	if (!p.ok) return parentPort!.postMessage({ id: m.id, error: p.problem.message });
	const r = await prepareEvents(p.items, p.sizes, { now: new Date(m.now), retention: { days: 90, securityDays: 365 }, surrogateFree: !textMayHoldSurrogates(m.text) });
	parentPort!.postMessage({ id: m.id, rows: r.ok ? r.rows : undefined });
});
