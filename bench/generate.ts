import { closeSync, openSync, writeSync } from 'node:fs';
import { ACTIONS } from './actions';
import * as C from './catalogue';
import { Prng, weighted } from './prng';
import { shape } from './shape';

export interface GenSpec {
	n: number;
	seed: number;
	/** Events fall in the 30 days before this instant. */
	now: Date;
	/** Events per yielded chunk (one HTTP batch). */
	chunk?: number;
}

/** One event in the ingest API's JSON shape (ARCHITECTURE.md, "Event JSON"). */
export interface BenchEvent {
	id: string;
	occurred_at: string;
	tenant: string;
	source: string;
	actor: { id: string; name: string; email?: string; type: string };
	action: string;
	category: string;
	outcome: 'success' | 'failure' | 'pending';
	reason?: string;
	target: { type: string; id: string; name?: string };
	ip: string;
	user_agent: string;
	session_id: string;
	request_id: string;
	changes?: { before: Record<string, unknown>; after: Record<string, unknown> };
	details?: Record<string, unknown>;
}

export interface GenStats {
	perTenant: Record<string, number>;
	signins: number;
	failedSignins: number;
	rareWords: Record<string, number>;
}

export const DAY_MS = 86_400_000;
export const PERIOD_MS = 30 * DAY_MS;
const HOUR_MS = 3_600_000;

const tenantRanges = C.TENANTS.map((t) => {
	const first = C.ACTORS.findIndex((a) => a.tenant === t.name);
	return { ...t, first };
});
const pickTenant = weighted(tenantRanges.map((t) => ({ weight: t.share, value: t })));
const pickAction = weighted(ACTIONS.map((a) => ({ weight: a.weight, value: a })));

/** Office hours weigh most, nights and weekends little. */
function hourWeight(t: number): number {
	const d = new Date(t);
	const h = d.getUTCHours();
	const diurnal = 0.12 + Math.exp(-(((h - 13) / 4) ** 2));
	const day = d.getUTCDay();
	return diurnal * (day === 0 || day === 6 ? 0.35 : 1);
}

export const emptyStats = (): GenStats => ({
	perTenant: Object.fromEntries(C.TENANTS.map((t) => [t.name, 0])),
	signins: 0,
	failedSignins: 0,
	rareWords: Object.fromEntries(C.RARE_WORDS.map((w) => [w, 0]))
});

function makeEvent(r: Prng, at: number, stats: GenStats): BenchEvent {
	const t = pickTenant(r.next());
	stats.perTenant[t.name]++;
	const actorIndex = t.first + r.skewed(t.actors, 1.6);
	const actor = C.ACTORS[actorIndex];
	const def = pickAction(r.next());
	const targetNum = r.int(100_000);
	const ev: BenchEvent = {
		id: r.uuid(),
		occurred_at: new Date(at).toISOString(),
		tenant: t.name,
		source: C.SOURCES[actorIndex % C.SOURCES.length],
		actor: { id: actor.id, name: actor.name, email: actor.email || undefined, type: actor.type },
		action: def.action,
		category: def.category,
		outcome: 'success',
		target: { type: def.target, id: `${def.target.slice(0, 3)}-${targetNum}`, name: def.target === 'document' ? C.DOC_NAMES[targetNum % C.DOC_NAMES.length] : undefined },
		ip: actor.ips[r.int(actor.ips.length)],
		user_agent: actor.userAgent,
		session_id: `sess-${actorIndex.toString(36)}-${Math.floor(at / DAY_MS).toString(36)}`,
		request_id: `req-${r.uint32().toString(16)}${r.uint32().toString(16)}`
	};
	shape(r, def, ev, stats, t.first, t.actors);
	const rare = r.next();
	if (rare < C.RARE_WORDS.length * C.RARE_WORD_RATE) {
		const word = C.RARE_WORDS[Math.floor(rare / C.RARE_WORD_RATE)];
		stats.rareWords[word]++;
		ev.reason = `${ev.reason ? `${ev.reason}; ` : ''}flagged for ${word} review`;
	}
	return ev;
}

/**
 * Yields the N events in time order, `chunk` at a time, so that 10M never sit in memory at once.
 * The same spec always gives the same events (ids included).
 */
export function* generateEvents(spec: GenSpec, stats: GenStats = emptyStats()): Generator<BenchEvent[]> {
	const r = new Prng(spec.seed);
	const chunk = spec.chunk ?? 5000;
	const start = spec.now.getTime() - PERIOD_MS;
	const hours = PERIOD_MS / HOUR_MS;
	const weights = Array.from({ length: hours }, (_, h) => hourWeight(start + h * HOUR_MS));
	const total = weights.reduce((s, w) => s + w, 0);
	let cum = 0;
	let out: BenchEvent[] = [];
	for (let h = 0; h < hours; h++) {
		const before = Math.round((spec.n * cum) / total);
		cum += weights[h];
		const count = Math.round((spec.n * cum) / total) - before;
		const offsets = new Float64Array(count);
		for (let i = 0; i < count; i++) offsets[i] = Math.floor(r.next() * HOUR_MS);
		offsets.sort();
		for (let i = 0; i < count; i++) {
			out.push(makeEvent(r, start + h * HOUR_MS + offsets[i], stats));
			if (out.length === chunk) {
				yield out;
				out = [];
			}
		}
	}
	if (out.length > 0) yield out;
}

export interface NdjsonFile {
	path: string;
	/** Byte ranges of the HTTP batches in the file. */
	batches: { offset: number; length: number; count: number }[];
	bytes: number;
	stats: GenStats;
	ms: number;
}

/** Writes the events as NDJSON, one HTTP batch per chunk, so that clients only read and send. */
export function writeNdjson(path: string, spec: GenSpec): NdjsonFile {
	const t0 = performance.now();
	const stats = emptyStats();
	const fd = openSync(path, 'w');
	const batches: NdjsonFile['batches'] = [];
	let offset = 0;
	try {
		for (const events of generateEvents(spec, stats)) {
			const buf = Buffer.from(events.map((e) => JSON.stringify(e)).join('\n') + '\n');
			writeSync(fd, buf);
			batches.push({ offset, length: buf.length, count: events.length });
			offset += buf.length;
		}
	} finally {
		closeSync(fd);
	}
	return { path, batches, bytes: offset, stats, ms: performance.now() - t0 };
}
