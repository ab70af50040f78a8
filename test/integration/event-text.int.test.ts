import { beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { GET, POST } from '../../src/routes/api/v1/events/+server';
import { call, ready } from './helpers';

// Free text and other picky filters are read stretch by stretch from the newest end of the
// period; pages must still hold exactly the matches, in order, both ways, however sparse.
const tenant = 'txt';
const start = Date.now() - 20 * 86400e3;
const events = Array.from({ length: 120 }, (_, i) => ({
	id: randomUUID(),
	tenant,
	// Spread over 20 days, denser near the end, with ties on the same millisecond.
	occurred_at: new Date(start + Math.floor(Math.sqrt(i / 120) * 20 * 86400e3 / 1000) * 1000).toISOString(),
	action: i % 2 ? 'document.viewed' : 'report.viewed',
	actor: { id: `u-${i % 4}` },
	reason: i % 17 === 0 ? 'Flagged for Subpoena review' : undefined,
	details: i % 23 === 0 ? { note: 'held under SUBPOENA' } : undefined
}));
const matching = (pred: (e: (typeof events)[number]) => boolean) =>
	events
		.filter(pred)
		.map((e) => e.id);

async function walk(query: string, limit: number) {
	const path = `/api/v1/events?tenant=${tenant}&from=now-30d&limit=${limit}${query}`;
	let r = await call(GET, path);
	expect(r.status, JSON.stringify(r.json)).toBe(200);
	const pages: string[][] = [r.json.events.map((e: { id: string }) => e.id)];
	while (r.json.next_cursor) {
		r = await call(GET, `${path}&cursor=${r.json.next_cursor}`);
		pages.push(r.json.events.map((e: { id: string }) => e.id));
	}
	const back: string[][] = [pages[pages.length - 1]];
	while (r.json.prev_cursor) {
		r = await call(GET, `${path}&cursor=${r.json.prev_cursor}&dir=prev`);
		back.unshift(r.json.events.map((e: { id: string }) => e.id));
	}
	return { forward: pages, back };
}

beforeAll(async () => {
	await ready();
	expect((await call(POST, '/api/v1/events', { body: events })).status).toBe(202);
});

describe('sparse filters, page by page', () => {
	it.each([
		['one word in any column, any case', '&q=subpoena', (e: (typeof events)[number]) => e.reason !== undefined || e.details !== undefined],
		['words across two columns (action, then actor id)', '&q=viewed u-1', (e: (typeof events)[number]) => e.action.endsWith('viewed') && e.actor.id === 'u-1'],
		['an action and an actor', '&action=report.viewed&f=actor_id:eq:u-2', (e: (typeof events)[number]) => e.action === 'report.viewed' && e.actor.id === 'u-2']
	])('%s: exactly the matches, newest first, the same pages back', async (_, query, pred) => {
		const want = matching(pred);
		expect(want.length).toBeGreaterThan(3);
		const { forward, back } = await walk(query, 3);
		// Ties on occurred_at are ordered by the engine's UUID order, so the order is checked on times.
		const time = new Map<string, string>(events.map((e) => [e.id, e.occurred_at]));
		const times = forward.flat().map((id) => time.get(id)!);
		expect(forward.flat()).toHaveLength(want.length);
		expect(new Set(forward.flat())).toEqual(new Set(want));
		expect(times).toEqual([...times].sort().reverse());
		expect(back).toEqual(forward);
	});
});
