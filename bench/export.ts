import { Agent, request } from 'node:http';
import { DAY_MS } from './generate';
import { runHttpQuery } from './http';
import { QUERY_TENANT } from './catalogue';
import { planQueries } from './queries';
import type { RssSampler } from './server';
import { latency, type Latency } from './stats';

const agent = new Agent({ keepAlive: false });
const PROBE_EVERY_MS = 200;

export interface ExportResult {
	rows: number;
	bytes: number;
	ms: number;
	/** Server RSS just before the export, its peak during it, and 3 s after it ended. */
	rss: { before: number; peak: number; after: number };
	/** The timeline's first page asked over and over while the export ran, next to its idle latency. */
	during: Latency;
	idle: Latency;
}

/** Streams one CSV export and counts its rows (one line each: the CSV quotes no line breaks) as they arrive. */
function streamCsv(url: string, key: string): Promise<{ rows: number; bytes: number; total: number }> {
	return new Promise((resolve, reject) => {
		const req = request(url, { agent, headers: { authorization: `Bearer ${key}` } }, (res) => {
			if (res.statusCode !== 200) {
				res.resume();
				reject(new Error(`export: HTTP ${res.statusCode}`));
				return;
			}
			let lines = 0;
			let bytes = 0;
			res.on('data', (c: Buffer) => {
				bytes += c.length;
				for (let i = c.indexOf(10); i !== -1; i = c.indexOf(10, i + 1)) lines++;
			});
			res.on('end', () => resolve({ rows: lines - 1, bytes, total: Number(res.headers['x-total-count'] ?? NaN) }));
			res.on('error', reject);
		});
		req.on('error', reject);
		req.end();
	});
}

/**
 * A CSV export of the newest `target` events of the query tenant (the period is cut to hold about
 * that many), with the timeline's first page asked one request after another while it runs.
 */
export async function runExport(base: string, key: string, now: Date, seed: number, tenantEvents: number, target: number, rss: RssSampler): Promise<ExportResult> {
	const days = 30 * Math.min(1, target / tenantEvents);
	const to = new Date(now.getTime() + DAY_MS);
	const from = new Date(now.getTime() - days * DAY_MS);
	const q = new URLSearchParams({ format: 'csv', tenant: QUERY_TENANT, from: from.toISOString(), to: to.toISOString() });
	const plans = planQueries('timeline', 1000, now, seed ^ 0x3c3c);
	const idleTimes: number[] = [];
	for (let i = 0; i < 22; i++) {
		const { ms } = await runHttpQuery(base, key, plans[i]);
		if (i >= 2) idleTimes.push(ms);
	}
	rss.enter('export-before');
	await new Promise((r) => setTimeout(r, 1000));
	rss.sample();
	const before = rss.last;
	rss.enter('export');
	const t0 = performance.now();
	let done = false;
	const exported = streamCsv(`${base}/api/v1/events/export?${q}`, key).finally(() => (done = true));
	const duringTimes: number[] = [];
	// One timeline query every 200 ms while the export runs, as a person paging the timeline
	// would: each is "a query issued during the export", and the export keeps most of the time.
	for (let i = 22; !done && i < plans.length; i++) {
		await new Promise((r) => setTimeout(r, PROBE_EVERY_MS));
		if (done) break;
		const { ms } = await runHttpQuery(base, key, plans[i]);
		if (!done) duringTimes.push(ms);
	}
	const file = await exported;
	const ms = performance.now() - t0;
	rss.enter('export-after');
	const peak = rss.peaks.export ?? 0;
	await new Promise((r) => setTimeout(r, 3000));
	rss.sample();
	if (file.rows !== file.total) throw new Error(`export: ${file.rows} rows in the file, ${file.total} announced`);
	return { rows: file.rows, bytes: file.bytes, ms, rss: { before, peak, after: rss.last }, during: latency(duringTimes), idle: latency(idleTimes) };
}

export function closeExport() {
	agent.destroy();
}
