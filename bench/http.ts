import { open } from 'node:fs/promises';
import { Agent, request } from 'node:http';
import type { NdjsonFile } from './generate';
import type { QueryPlan, ResultSummary } from './queries';

const agent = new Agent({ keepAlive: true, maxSockets: 64 });

interface Reply {
	status: number;
	body: Buffer;
}

function send(url: string, key: string, method: 'GET' | 'POST', body?: Buffer): Promise<Reply> {
	return new Promise((resolve, reject) => {
		const headers: Record<string, string | number> = { authorization: `Bearer ${key}` };
		if (body) Object.assign(headers, { 'content-type': 'application/x-ndjson', 'content-length': body.length });
		const req = request(url, { method, agent, headers }, (res) => {
			const chunks: Buffer[] = [];
			res.on('data', (c: Buffer) => chunks.push(c));
			res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks) }));
			res.on('error', reject);
		});
		req.on('error', reject);
		req.end(body);
	});
}

export interface IngestResult {
	events: number;
	accepted: number;
	duplicates: number;
	requests: number;
	ms: number;
}

/** Posts every batch of the file with `clients` concurrent workers; each takes the next batch in time order. */
export async function ingestFile(base: string, key: string, file: NdjsonFile, clients: number, onProgress?: (done: number) => void): Promise<IngestResult> {
	const fh = await open(file.path, 'r');
	let next = 0;
	const result: IngestResult = { events: 0, accepted: 0, duplicates: 0, requests: 0, ms: 0 };
	const worker = async () => {
		for (;;) {
			const i = next++;
			if (i >= file.batches.length) return;
			const b = file.batches[i];
			const buf = Buffer.allocUnsafe(b.length);
			await fh.read(buf, 0, b.length, b.offset);
			const reply = await send(`${base}/api/v1/events`, key, 'POST', buf);
			if (reply.status !== 202) throw new Error(`batch ${i}: HTTP ${reply.status}: ${reply.body.toString('utf8').slice(0, 500)}`);
			const answer = JSON.parse(reply.body.toString('utf8')) as { accepted: number; duplicates: number };
			result.events += b.count;
			result.accepted += answer.accepted;
			result.duplicates += answer.duplicates;
			result.requests++;
			onProgress?.(result.events);
		}
	};
	const t0 = performance.now();
	try {
		await Promise.all(Array.from({ length: clients }, worker));
	} finally {
		await fh.close();
	}
	result.ms = performance.now() - t0;
	return result;
}

function queryPath(p: QueryPlan): string {
	const q = new URLSearchParams({ tenant: p.tenant, from: p.from.toISOString(), to: p.to.toISOString() });
	if (p.kind === 'histogram') {
		q.set('interval', '1h');
		return `/api/v1/events/histogram?${q}`;
	}
	if (p.kind === 'failed') {
		q.set('limit', '100');
		return `/api/v1/reports/failed-logins?${q}`;
	}
	q.set('limit', '50');
	if (p.actor) q.set('actor', p.actor);
	if (p.cidr) q.set('ip', p.cidr);
	if (p.word) q.set('q', p.word);
	return `/api/v1/events?${q}`;
}

interface ApiAnswer {
	events?: { id: string }[];
	buckets?: { success: number; failure: number; pending: number }[];
	failed_logins_by_ip?: { ip: string; failures: number }[];
}

/** Runs one query through the API; the time covers the request until the whole body has arrived. */
export async function runHttpQuery(base: string, key: string, plan: QueryPlan): Promise<{ ms: number; summary: ResultSummary }> {
	const t0 = performance.now();
	const reply = await send(`${base}${queryPath(plan)}`, key, 'GET');
	const ms = performance.now() - t0;
	if (reply.status !== 200) throw new Error(`${plan.kind}: HTTP ${reply.status}: ${reply.body.toString('utf8').slice(0, 500)}`);
	const a = JSON.parse(reply.body.toString('utf8')) as ApiAnswer;
	if (a.events) return { ms, summary: { ids: a.events.map((e) => e.id) } };
	if (a.buckets) return { ms, summary: { total: a.buckets.reduce((n, b) => n + b.success + b.failure + b.pending, 0) } };
	return { ms, summary: { top: (a.failed_logins_by_ip ?? []).slice(0, 10).map((r) => `${r.ip}:${r.failures}`) } };
}

export function closeHttp() {
	agent.destroy();
}
