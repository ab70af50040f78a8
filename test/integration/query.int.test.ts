import { beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { GET, POST } from '../../src/routes/api/v1/events/+server';
import { GET as GET_ONE } from '../../src/routes/api/v1/events/[id]/+server';
import { call, keyWith, ready } from './helpers';

const tenant = 'q';
const base = Date.now() - 3 * 3600e3;
const at = (minutes: number) => new Date(base + minutes * 60e3).toISOString();

// A small, known set: 60 events a minute apart, with a few of every kind a filter picks out.
const events = Array.from({ length: 60 }, (_, i) => ({
	id: randomUUID(),
	tenant,
	occurred_at: at(i),
	source: i % 2 ? 'helpdesk' : 'workspace',
	actor: { id: `u-${i % 5}`, email: `user${i % 5}@company.com`, name: `User ${i % 5}` },
	action: i % 10 === 0 ? 'DATA_EXPORTED' : i % 3 === 0 ? 'LOGIN_FAILED' : 'contact_updated',
	outcome: i % 3 === 0 && i % 10 !== 0 ? 'failure' : 'success',
	ip: i < 20 ? `198.51.100.${i}` : i < 40 ? `203.0.113.${i}` : `2001:db8::${i}`,
	target: { type: 'contact', id: String(1000 + i), name: `Contact ${i}` },
	reason: i === 33 ? 'Needle in the haystack' : undefined,
	details: i % 10 === 0 ? { records: i * 100 } : { note: `n${i}` }
}));
// Same minute twice, so keyset paging must break ties on id.
events.push({ ...events[59], id: randomUUID(), actor: { id: 'u-tie', email: 'tie@company.com', name: 'Tie' } });

const ids = async (query: string, key?: string) => {
	const r = await call(GET, `/api/v1/events?tenant=${tenant}&from=now-1d&limit=1000${query}`, { key });
	expect(r.status, JSON.stringify(r.json)).toBe(200);
	return r.json.events.map((e: { id: string }) => e.id) as string[];
};
const idsWhere = (pred: (e: (typeof events)[number], i: number) => boolean) =>
	new Set(events.filter((e, i) => pred(e, i)).map((e) => e.id));

beforeAll(async () => {
	await ready();
	expect((await call(POST, '/api/v1/events', { body: events })).status).toBe(202);
	await call(POST, '/api/v1/events', { body: { tenant: 'other', occurred_at: at(5), action: 'login', actor: 'u-1' } });
});

describe('GET /api/v1/events', () => {
	it('answers newest first and pages by cursor without gaps or repeats', async () => {
		const seen: string[] = [];
		const times: string[] = [];
		let cursor: string | null = null;
		let pages = 0;
		do {
			const r = await call(GET, `/api/v1/events?tenant=${tenant}&from=now-1d&limit=7${cursor ? `&cursor=${cursor}` : ''}`);
			expect(r.status).toBe(200);
			seen.push(...r.json.events.map((e: { id: string }) => e.id));
			times.push(...r.json.events.map((e: { occurred_at: string }) => e.occurred_at));
			cursor = r.json.next_cursor;
			pages++;
		} while (cursor);
		expect(pages).toBe(Math.ceil(61 / 7));
		expect(new Set(seen).size).toBe(61);
		expect(new Set(seen)).toEqual(new Set(events.map((e) => e.id)));
		expect([...times].sort().reverse()).toEqual(times);
	});

	it.each([
		['actor by id', '&actor=u-3', (e: (typeof events)[number]) => e.actor.id === 'u-3'],
		['actor by email, any case', '&actor=USER3@company.com', (e: (typeof events)[number]) => e.actor.id === 'u-3'],
		['action, any case', '&action=login_failed', (e: (typeof events)[number]) => e.action === 'LOGIN_FAILED'],
		['two actions', '&action=login_failed&action=data_exported', (e: (typeof events)[number]) => e.action !== 'contact_updated'],
		['category', '&category=data_export', (e: (typeof events)[number]) => e.action === 'DATA_EXPORTED'],
		['outcome', '&outcome=failure', (e: (typeof events)[number]) => e.outcome === 'failure'],
		['an IPv4 CIDR', '&ip=203.0.113.0/24', (e: (typeof events)[number]) => e.ip.startsWith('203.')],
		['one IPv4 address', '&ip=198.51.100.7', (e: (typeof events)[number]) => e.ip === '198.51.100.7'],
		['an IPv6 CIDR', '&ip=2001:db8::/32', (e: (typeof events)[number]) => e.ip.startsWith('2001:')],
		['target type and id', '&target_type=contact&target_id=1042', (e: (typeof events)[number]) => e.target.id === '1042'],
		['source', '&source=helpdesk', (e: (typeof events)[number]) => e.source === 'helpdesk'],
		['free text', '&q=needle', (e: (typeof events)[number]) => e.reason === 'Needle in the haystack'],
		['f: ne', '&f=actor:ne:u-0', (e: (typeof events)[number]) => e.actor.id !== 'u-0'],
		['f: contains', '&f=target_name:contains:ct 1', (e: (typeof events)[number]) => e.target.name.includes('ct 1')],
		['f: not contains', '&f=action:ncontains:login', (e: (typeof events)[number]) => !e.action.includes('LOGIN')],
		['f: greater than on details', '&f=details.records:gt:2500', (e: (typeof events)[number]) => Number((e.details as { records?: number }).records ?? 0) > 2500],
		['f: less than on records', '&f=records:lt:1500&category=data_export', (e: (typeof events)[number]) => e.action === 'DATA_EXPORTED' && Number((e.details as { records?: number }).records) < 1500],
		['f: in', '&f=target_id:in:1001,1002,1003', (e: (typeof events)[number]) => ['1001', '1002', '1003'].includes(e.target.id)],
		['f: cidr', '&f=ip:cidr:198.51.100.0/28', (e: (typeof events)[number], i: number) => i < 16],
		['f: time greater than', `&f=occurred_at:gt:${at(49.5)}`, (e: (typeof events)[number]) => e.occurred_at > at(49.5)]
	])('filters by %s', async (_name, query, pred) => {
		const want = idsWhere(pred);
		expect(want.size).toBeGreaterThan(0);
		expect(new Set(await ids(query))).toEqual(want);
	});

	it.each([
		['limit', '&limit=5000', 'limit'],
		['limit', '&limit=abc', 'limit'],
		['cursor', '&cursor=bm90LWEtY3Vyc29y', 'cursor'],
		['from', '&from=tuesday', 'from'],
		['outcome', '&outcome=maybe', 'outcome'],
		['ip', '&ip=300.1.1.1/8', 'ip'],
		['category', '&category=snacks', 'category'],
		['f', '&f=nosuchfield:eq:1', 'f'],
		['f', '&f=actor:like:x', 'f'],
		['f', '&f=records:gt:lots', 'f']
	])('refuses an invalid %s with 400 naming it', async (_n, query, param) => {
		const r = await call(GET, `/api/v1/events?tenant=${tenant}${query}`);
		expect(r.status).toBe(400);
		expect(r.json.error.parameter).toBe(param);
		expect(r.json.error.message).toContain(param);
	});

	it('keeps a tenant-bound key to its tenant', async () => {
		const key = await keyWith(['read'], 'other');
		const r = await call(GET, '/api/v1/events?from=now-1d', { key });
		expect(r.json.events.map((e: { tenant: string }) => e.tenant)).toEqual(['other']);
		expect((await call(GET, `/api/v1/events?tenant=${tenant}`, { key })).status).toBe(403);
		const one = await call(GET_ONE, `/api/v1/events/${events[0].id}`, { key, params: { id: events[0].id } });
		expect(one.status).toBe(404);
	});

	it('refuses reading without the read scope', async () => {
		const key = await keyWith(['ingest']);
		expect((await call(GET, '/api/v1/events', { key })).status).toBe(403);
	});
});

describe('GET /api/v1/events/{id}', () => {
	it('answers one event, 404 for an unknown id and 400 for a malformed one', async () => {
		const e = events[10];
		const r = await call(GET_ONE, `/api/v1/events/${e.id}`, { params: { id: e.id } });
		expect(r.json).toMatchObject({ id: e.id, tenant, action: 'DATA_EXPORTED', records: 1000, ip: '198.51.100.10' });
		const missing = randomUUID();
		expect((await call(GET_ONE, `/api/v1/events/${missing}`, { params: { id: missing } })).status).toBe(404);
		expect((await call(GET_ONE, '/api/v1/events/42', { params: { id: '42' } })).status).toBe(400);
	});
});

describe('paging back', () => {
	it('walks forward then back to the same pages', async () => {
		const base = `/api/v1/events?tenant=${tenant}&from=now-1d&limit=9`;
		const pages: string[][] = [];
		let r = await call(GET, base);
		expect(r.json.prev_cursor).toBeNull();
		pages.push(r.json.events.map((e: { id: string }) => e.id));
		while (r.json.next_cursor) {
			r = await call(GET, `${base}&cursor=${r.json.next_cursor}`);
			pages.push(r.json.events.map((e: { id: string }) => e.id));
		}
		expect(pages.flat()).toHaveLength(61);
		for (let i = pages.length - 1; i > 0; i--) {
			expect(r.json.prev_cursor).toBeTruthy();
			r = await call(GET, `${base}&cursor=${r.json.prev_cursor}&dir=prev`);
			expect(r.json.events.map((e: { id: string }) => e.id)).toEqual(pages[i - 1]);
		}
		expect(r.json.prev_cursor).toBeNull();
	});
});

describe('the country filter', () => {
	it('matches the stored country code in any case', async () => {
		const t = 'geo-q';
		const body = [
			{ tenant: t, occurred_at: at(1), action: 'login_failed', outcome: 'failure', ip: '45.155.205.233' },
			{ tenant: t, occurred_at: at(2), action: 'login', ip: '203.0.113.7' }
		];
		expect((await call(POST, '/api/v1/events', { body })).status).toBe(202);
		const countries = async (f: string) => {
			const r = await call(GET, `/api/v1/events?tenant=${t}&from=now-1d&f=${encodeURIComponent(f)}`);
			expect(r.status).toBe(200);
			return r.json.events.map((e: { geo: { country: string } | null }) => e.geo?.country ?? null);
		};
		const known = (await countries('country:ne:zz')).find((c: string | null) => c !== null);
		expect(known).toMatch(/^[A-Z]{2}$/);
		expect(await countries(`country:eq:${known}`)).toEqual([known]);
		expect(await countries(`country:eq:${known.toLowerCase()}`)).toEqual([known]);
	});
});
