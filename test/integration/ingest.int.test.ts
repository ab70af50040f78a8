import { beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { POST, GET } from '../../src/routes/api/v1/events/+server';
import { GET as GET_ONE } from '../../src/routes/api/v1/events/[id]/+server';
import { call, keyWith, ready } from './helpers';

const now = () => new Date().toISOString();
const ev = (over: Record<string, unknown> = {}) => ({
	occurred_at: now(),
	actor: { id: 'u-1', email: 'john@company.com', name: 'John Silva' },
	action: 'login_failed',
	outcome: 'failure',
	ip: '203.0.113.45',
	...over
});

async function count(params = '') {
	const events: unknown[] = [];
	let cursor: string | null = null;
	do {
		const r = await call(GET, `/api/v1/events?limit=1000&from=now-400d${params}${cursor ? `&cursor=${cursor}` : ''}`);
		expect(r.status).toBe(200);
		events.push(...r.json.events);
		cursor = r.json.next_cursor;
	} while (cursor);
	return events.length;
}

beforeAll(ready);

describe('POST /api/v1/events', () => {
	it('stores one event, an array and NDJSON, and answers 202 with the count', async () => {
		const tenant = 'shapes';
		expect((await call(POST, '/api/v1/events', { body: ev({ tenant }) })).json).toEqual({ accepted: 1, duplicates: 0 });
		expect((await call(POST, '/api/v1/events', { body: [ev({ tenant }), ev({ tenant })] })).json.accepted).toBe(2);
		const nd = [ev({ tenant }), ev({ tenant }), ev({ tenant })].map((e) => JSON.stringify(e)).join('\n');
		const r = await call(POST, '/api/v1/events', { body: nd, headers: { 'content-type': 'application/x-ndjson' } });
		expect(r.status).toBe(202);
		expect(r.json.accepted).toBe(3);
		expect(await count(`&tenant=${tenant}`)).toBe(6);
	});

	it('enriches what it stores: category, mapped IP, country, export volume, changed fields, hash', async () => {
		const id = randomUUID();
		const tenant = 'enrich';
		const r = await call(POST, '/api/v1/events', {
			body: {
				id,
				tenant,
				occurred_at: Date.now() - 1000,
				actor: 'manager@company.com',
				action: 'DATA_EXPORTED',
				ip: '8.8.8.8',
				target: { type: 'contact', id: 12345 },
				details: { records: '5,000 contacts', size: '2.5 MB', format: 'csv' },
				changes: { before: { plan: 'Free', phone: '1' }, after: { plan: 'Premium', phone: '1', email: 'a@b.c' } }
			}
		});
		expect(r.status).toBe(202);
		const got = await call(GET_ONE, `/api/v1/events/${id}`, { params: { id } });
		expect(got.status).toBe(200);
		const e = got.json;
		expect(e).toMatchObject({ id, tenant, action: 'DATA_EXPORTED', category: 'data_export', outcome: 'success', ip: '8.8.8.8', records: 5000, bytes: 2_500_000 });
		expect(e.actor).toEqual({ id: 'manager@company.com', name: null, email: null, type: null });
		expect(e.target).toEqual({ type: 'contact', id: '12345', name: null });
		expect(e.geo.country).toBe('US');
		expect(e.changed_fields.sort()).toEqual(['email', 'plan']);
		expect(e.content_hash).toMatch(/^[0-9a-f]{64}$/);
		expect(new Date(e.received_at).getTime()).toBeGreaterThan(Date.now() - 60_000);
	});

	it('matches actions case-insensitively and keeps them as sent', async () => {
		const tenant = 'case';
		await call(POST, '/api/v1/events', { body: [ev({ tenant, action: 'LOGIN_FAILED' }), ev({ tenant, action: 'login_failed' }), ev({ tenant, action: 'logout' })] });
		const r = await call(GET, `/api/v1/events?tenant=${tenant}&action=Login_Failed`);
		expect(r.json.events.map((e: { action: string }) => e.action).sort()).toEqual(['LOGIN_FAILED', 'login_failed']);
		expect(r.json.events.every((e: { category: string }) => e.category === 'authentication')).toBe(true);
	});
});

describe('bad input', () => {
	const tenant = 'bad';
	const bad: [string, Parameters<typeof call>[2], number, RegExp | ((j: { error: Record<string, unknown> }) => void)][] = [
		['malformed JSON', { body: '{"action": "login",' }, 400, /not valid JSON/],
		['an NDJSON line that is not JSON', { body: `${JSON.stringify(ev({ tenant }))}\n${JSON.stringify(ev({ tenant }))}\n{oops\n`, headers: { 'content-type': 'application/x-ndjson' } }, 400, (j) => expect(j.error.line).toBe(3)],
		['an empty body', { body: '' , headers: { 'content-type': 'application/json' } }, 400, /empty/],
		['a JSON scalar', { body: '42' }, 400, /event object/],
		['an invalid IP', { body: [ev({ tenant }), ev({ tenant, ip: '999.1.1.1' })] }, 400, (j) => expect(j.error.problems).toEqual([{ index: 1, field: 'ip', message: '"999.1.1.1" is not an IPv4 or IPv6 address' }])],
		['an invalid time', { body: [ev({ tenant, occurred_at: 'yesterday' })] }, 400, (j) => expect((j.error.problems as { field: string }[])[0].field).toBe('occurred_at')],
		['a time more than a day ahead', { body: [ev({ tenant, occurred_at: new Date(Date.now() + 2 * 86400e3).toISOString() })] }, 400, /future/],
		['a time older than its retention', { body: [ev({ tenant, occurred_at: '2001-01-01T00:00:00Z' })] }, 400, /retention/],
		['an unknown category', { body: [ev({ tenant, category: 'snacks' })] }, 400, /unknown category/],
		['more than 10,000 events', { body: Array.from({ length: 10_001 }, () => ev({ tenant })) }, 413, /at most 10000/],
		['an event over 64 KB', { body: [ev({ tenant }), ev({ tenant, details: { blob: 'x'.repeat(70_000) } })] }, 413, /index 1/],
		['a body over 10 MB', { body: JSON.stringify([ev({ tenant, details: { blob: 'x'.repeat(11 * 1024 * 1024) } })]) }, 413, /10 MB/],
		['an unknown key', { body: ev({ tenant }), key: 'tsk_nope' }, 401, /unknown or revoked/],
		['no key', { body: ev({ tenant }), key: null }, 401, /Bearer/]
	];

	it.each(bad)('answers %s with a clear error and stores nothing', async (_name, opts, status, check) => {
		const r = await call(POST, '/api/v1/events', opts);
		expect(r.status).toBe(status);
		if (check instanceof RegExp) expect(r.json.error.message).toMatch(check);
		else check(r.json);
		expect(await count(`&tenant=${tenant}`)).toBe(0);
	});

	it('lists every bad event with index and field, and stores none of the good ones', async () => {
		const r = await call(POST, '/api/v1/events', { body: [ev({ tenant }), { occurred_at: now() }, ev({ tenant, outcome: 'maybe' }), ev({ tenant, actor: 7 })] });
		expect(r.status).toBe(400);
		const fields = r.json.error.problems.map((p: { index: number; field: string }) => `${p.index}:${p.field}`);
		expect(fields).toEqual(expect.arrayContaining(['1:action', '2:outcome', '3:actor']));
		expect(r.json.error.message).toMatch(/^3 of 4 events are invalid; nothing was stored. First: event 1, action: /);
		expect(await count(`&tenant=${tenant}`)).toBe(0);
	});

	it('refuses a key without the ingest scope (403) and one bound to another tenant', async () => {
		const readOnly = await keyWith(['read']);
		expect((await call(POST, '/api/v1/events', { body: ev({ tenant }), key: readOnly })).status).toBe(403);
		const acme = await keyWith(['ingest', 'read'], 'acme');
		const r = await call(POST, '/api/v1/events', { body: ev({ tenant }), key: acme });
		expect(r.status).toBe(400);
		expect(r.json.error.problems[0]).toMatchObject({ field: 'tenant' });
		expect(await count(`&tenant=${tenant}`)).toBe(0);
	});
});

describe('retries', () => {
	it('stores events sent again with the same ids once', async () => {
		const tenant = 'retry-ids';
		const body = [ev({ tenant, id: randomUUID() }), ev({ tenant, id: randomUUID() })];
		expect((await call(POST, '/api/v1/events', { body })).json).toEqual({ accepted: 2, duplicates: 0 });
		expect((await call(POST, '/api/v1/events', { body })).json).toEqual({ accepted: 2, duplicates: 2 });
		expect(await count(`&tenant=${tenant}`)).toBe(2);
	});

	it('answers a repeated Idempotency-Key from the first answer, even when racing', async () => {
		const tenant = 'retry-key';
		const body = [ev({ tenant }), ev({ tenant }), ev({ tenant })];
		const headers = { 'idempotency-key': `k-${randomUUID()}` };
		const answers = await Promise.all([1, 2, 3].map(() => call(POST, '/api/v1/events', { body, headers })));
		expect(answers.map((a) => a.status)).toEqual([202, 202, 202]);
		expect(answers.filter((a) => a.json.replayed).length).toBe(2);
		expect(await count(`&tenant=${tenant}`)).toBe(3);
		const other = await call(POST, '/api/v1/events', { body: [ev({ tenant })], headers });
		expect(other.status).toBe(422);
		expect(await count(`&tenant=${tenant}`)).toBe(3);
	});

	it('commits concurrent requests together', async () => {
		const { ingestStats } = await import('../../src/lib/server/ingest/commit');
		const tenant = 'group';
		const before = { ...ingestStats };
		await Promise.all(Array.from({ length: 40 }, () => call(POST, '/api/v1/events', { body: [ev({ tenant }), ev({ tenant })] })));
		expect(ingestStats.requests - before.requests).toBe(40);
		expect(ingestStats.batches - before.batches).toBeLessThan(40);
		expect(await count(`&tenant=${tenant}`)).toBe(80);
	});
});
