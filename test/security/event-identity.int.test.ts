import { beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { query } from '../../src/lib/server/clickhouse/query';
import * as events from '../../src/routes/api/v1/events/+server';
import { call, keyWith, ready } from '../integration/helpers';

// Issue 11, finding 9: the same event id sent again with another occurred_at or tenant was stored
// twice. An id names one event: a second body under it is reported as a duplicate, never stored.
const copies = async (id: string) =>
	(await query({ name: 'test.copies', row: z.object({ n: z.coerce.number() }), params: { id }, sql: 'SELECT count() AS n FROM events WHERE id = {id:UUID}' }))[0].n;

const at = (minutesAgo: number) => new Date(Date.now() - minutesAgo * 60_000).toISOString();
const event = (id: string, tenant: string, occurred_at: string) => ({ id, tenant, occurred_at, actor: 'u-9', action: 'record_viewed' });

beforeAll(ready);

describe('an event id sent again', () => {
	it('under another time or tenant is reported as a duplicate and not stored again', async () => {
		const id = randomUUID();
		const first = event(id, 'acme', at(10));
		expect((await call(events.POST, '/api/v1/events', { body: first })).status).toBe(202);
		for (const again of [event(id, 'acme', at(400)), event(id, 'globex', first.occurred_at), event(id, 'globex', at(3))]) {
			const r = await call(events.POST, '/api/v1/events', { body: [event(randomUUID(), 'acme', at(1)), again] });
			expect(r).toMatchObject({ status: 202, json: { accepted: 2, duplicates: 1 } });
		}
		expect(await copies(id)).toBe(1);
	});

	it('by a key bound to another tenant is not stored there either', async () => {
		const id = randomUUID();
		await call(events.POST, '/api/v1/events', { body: event(id, 'acme', at(5)) });
		const r = await call(events.POST, '/api/v1/events', { body: { ...event(id, 'initech', at(5)), tenant: undefined }, key: await keyWith(['ingest'], 'initech') });
		expect(r).toMatchObject({ status: 202, json: { duplicates: 1 } });
		expect(await copies(id)).toBe(1);
	});

	it('twice within one request, for two tenants, is stored once', async () => {
		const id = randomUUID();
		const r = await call(events.POST, '/api/v1/events', { body: [event(id, 'acme', at(2)), event(id, 'globex', at(2))] });
		expect(r).toMatchObject({ status: 202, json: { accepted: 2, duplicates: 1 } });
		expect(await copies(id)).toBe(1);
	});

	it('by two concurrent requests under two tenants is stored once', async () => {
		const id = randomUUID();
		const both = await Promise.all([call(events.POST, '/api/v1/events', { body: event(id, 'acme', at(1)) }), call(events.POST, '/api/v1/events', { body: event(id, 'globex', at(7)) })]);
		expect(both.map((r) => r.json.duplicates).sort()).toEqual([0, 1]);
		expect(await copies(id)).toBe(1);
	});
});
