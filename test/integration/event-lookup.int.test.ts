import { beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { GET, POST } from '../../src/routes/api/v1/events/+server';
import { command } from '../../src/lib/server/clickhouse/query';
import { call, ready } from './helpers';

// Actor and IP pages are read through the lookup tables of migration 0030; these check that they
// page exactly like the plain scan, and that the scan decides when a lookup table disagrees.
const tenant = 'lk';
const base = Date.now() - 5 * 3600e3;
const events = Array.from({ length: 45 }, (_, i) => ({
	id: randomUUID(),
	tenant,
	occurred_at: new Date(base + Math.floor(i / 2) * 60e3).toISOString(),
	// Two actors differ only in case: the filter matches the id exactly, the email in any case.
	actor: i % 3 === 0 ? { id: 'Mixed-Case', email: 'Shared@Example.com' } : i % 3 === 1 ? { id: 'mixed-case' } : { id: `u-${i}`, email: 'other@example.com' },
	action: 'document.viewed',
	ip: i % 2 ? `198.51.100.${i}` : '203.0.113.9'
}));
const idsOf = (pred: (e: (typeof events)[number]) => boolean) => events.filter(pred).map((e) => e.id);

/** Every page of a query, following next_cursor, then back again with prev_cursor. */
async function walk(query: string, limit: number) {
	const path = `/api/v1/events?tenant=${tenant}&from=now-1d&limit=${limit}${query}`;
	const pages: string[][] = [];
	let r = await call(GET, path);
	expect(r.status, JSON.stringify(r.json)).toBe(200);
	pages.push(r.json.events.map((e: { id: string }) => e.id));
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

describe('actor and IP pages through the lookup tables', () => {
	it.each([
		['an actor id, exactly', '&actor=Mixed-Case', (e: (typeof events)[number]) => e.actor.id === 'Mixed-Case'],
		['the other id of the same letters', '&actor=mixed-case', (e: (typeof events)[number]) => e.actor.id === 'mixed-case'],
		['an email in another case', '&actor=SHARED@example.COM', (e: (typeof events)[number]) => (e.actor as { email?: string }).email === 'Shared@Example.com'],
		['an IP address', '&ip=203.0.113.9', (e: (typeof events)[number]) => e.ip === '203.0.113.9'],
		['a CIDR block', '&ip=198.51.100.0/24', (e: (typeof events)[number]) => e.ip.startsWith('198.51.100.')]
	])('%s: pages forward and back hold exactly the matches, newest first', async (_, query, pred) => {
		const want = idsOf(pred).reverse();
		const { forward, back } = await walk(query, 4);
		expect(forward.flat()).toHaveLength(want.length);
		expect(new Set(forward.flat())).toEqual(new Set(want));
		expect(forward.slice(0, -1).every((p) => p.length === 4)).toBe(true);
		expect(back).toEqual(forward);
	});

	it('an actor with another condition is answered by the scan, the same way', async () => {
		const { forward } = await walk('&actor=Mixed-Case&ip=203.0.113.9', 3);
		expect(new Set(forward.flat())).toEqual(new Set(idsOf((e) => e.actor.id === 'Mixed-Case' && e.ip === '203.0.113.9')));
	});

	it('when a lookup table holds keys the events no longer have, the scan decides', async () => {
		const gone = idsOf((e) => e.actor.id === 'mixed-case').slice(-3);
		await command('test.deleteEvents', 'DELETE FROM events WHERE id IN {ids:Array(UUID)}', { ids: gone });
		const want = new Set(idsOf((e) => e.actor.id === 'mixed-case' && !gone.includes(e.id)));
		const { forward } = await walk('&actor=mixed-case', 4);
		expect(new Set(forward.flat())).toEqual(want);
		expect(forward[0]).toHaveLength(4);
	});
});
