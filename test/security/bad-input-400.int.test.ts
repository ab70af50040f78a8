import { beforeAll, describe, expect, it } from 'vitest';
import * as events from '../../src/routes/api/v1/events/+server';
import * as histogram from '../../src/routes/api/v1/events/histogram/+server';
import * as security from '../../src/routes/api/v1/reports/security/+server';
import * as users from '../../src/routes/api/v1/users/+server';
import * as importer from '../../src/routes/api/v1/import/[format]/+server';
import { call, ready } from '../integration/helpers';

// Issue 11, finding 8: inputs that answered 500 (the engine or the stack gave way) instead of 400.
beforeAll(async () => {
	await ready();
	await call(events.POST, '/api/v1/events', { body: { tenant: 'acme', occurred_at: new Date().toISOString(), action: 'export', category: 'data_export', details: { records: 5 } } });
});

const nested = (depth: number) => `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`;

describe('inputs the engine cannot take answer 400 naming the parameter', () => {
	it('a time zone in lower case is read as the zone it names', async () => {
		const h = await call(histogram.GET, '/api/v1/events/histogram?tz=europe/paris&from=now-1d');
		expect(h.status).toBe(200);
		expect((await call(security.GET, '/api/v1/reports/security?tz=europe/paris')).status).toBe(200);
		const bad = await call(histogram.GET, '/api/v1/events/histogram?tz=Mars/Olympus');
		expect(bad.status).toBe(400);
	});

	it.each([
		['to', '/api/v1/events?to=%2B275760-09-13T00:00:00Z'],
		['from', '/api/v1/events?from=-000010-01-01T00:00:00Z'],
		['to', '/api/v1/events/histogram?to=%2B275760-09-13T00:00:00Z']
	])('a time past the years the engine holds (%s)', async (param, path) => {
		const r = await call(path.includes('histogram') ? histogram.GET : events.GET, path);
		expect(r.status).toBe(400);
		expect(r.json.error.parameter).toBe(param);
	});

	it('a number past 2^53 or in exponent form compares as a number', async () => {
		for (const v of ['1e23', '100000000000000000000000', '1E-3']) {
			const r = await call(events.GET, `/api/v1/events?tenant=acme&from=now-1d&f=records:gt:${v}`);
			expect(r.status, v).toBe(200);
		}
		expect((await call(events.GET, '/api/v1/events?tenant=acme&from=now-1d&f=records:gt:1e999')).status).toBe(400);
		const found = await call(events.GET, '/api/v1/events?tenant=acme&from=now-1d&f=records:lt:1e23');
		expect(found.json.events.map((e: { action: string }) => e.action)).toContain('export');
	});
});

describe('JSON nested 5,000 deep', () => {
	it.each([
		['POST /api/v1/events', events.POST, '/api/v1/events', `{"occurred_at":"${new Date().toISOString()}","action":"x","details":${nested(5000)}}`],
		['POST /api/v1/events (an array)', events.POST, '/api/v1/events', `${'['.repeat(5000)}${']'.repeat(5000)}`],
		['POST /api/v1/import/okta', importer.POST, '/api/v1/import/okta', `[${nested(5000)}]`],
		['POST /api/v1/users', users.POST, '/api/v1/users', `{"email":"deep@example.com","name":"D","role":"member","tenants":["acme"],"x":${nested(5000)}}`]
	])('is refused with 400 by %s', async (_n, handler, path, body) => {
		const r = await call(handler, path, { body, params: { format: 'okta' } });
		expect(r.status).toBe(400);
		expect(r.json.error.message).toMatch(/levels deep/);
	});

	it('while the nesting an event needs goes through', async () => {
		const r = await call(events.POST, '/api/v1/events', { body: `{"occurred_at":"${new Date().toISOString()}","action":"x","details":${nested(20)}}` });
		expect(r.status).toBe(202);
	});
});
