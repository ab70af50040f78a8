import { beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { query } from '../../src/lib/server/clickhouse/query';
import { systemPrincipal } from '../../src/lib/server/auth/authority';
import { createUserAccount } from '../../src/lib/server/auth/manage-users';
import { signIn } from '../../src/lib/server/auth/sign-in';
import * as events from '../../src/routes/api/v1/events/+server';
import { call, keyWith, ready } from '../integration/helpers';

// Issue 11, finding 5: an ingest key wrote login_failed events into Trailscope's own audit trail
// and locked a real user out; it also stored a fake user_deactivated naming the administrator.
const config = { auditTenant: 'trailscope', sessions: { idleMinutes: 30, absoluteHours: 12 } };
const EMAIL = 'victim@example.com';
const PASSWORD = 'victim has a good password';

const storedIds = async (ids: string[]) =>
	(await query({ name: 'test.ids', row: z.object({ id: z.string() }), params: { ids }, sql: 'SELECT toString(id) AS id FROM events WHERE id IN {ids:Array(UUID)}' })).map((r) => r.id);

const forged = (extra: object) => ({ id: randomUUID(), occurred_at: new Date().toISOString(), actor: { id: EMAIL, email: EMAIL }, action: 'login_failed', outcome: 'failure', ip: '203.0.113.9', ...extra });

beforeAll(async () => {
	await ready();
	await createUserAccount({ email: EMAIL, name: 'Victim', role: 'analyst', tenants: ['acme'], password: PASSWORD }, systemPrincipal({ id: 'test', type: 'system' }), {});
});

describe("Trailscope's own audit tenant and source", () => {
	it('are refused to an ingest key with 403 naming the event, and nothing of the request is stored', async () => {
		const key = await keyWith(['ingest']);
		const body = [forged({ tenant: 'acme' }), ...Array.from({ length: 6 }, () => forged({ tenant: 'trailscope', source: 'trailscope' }))];
		const r = await call(events.POST, '/api/v1/events', { body, key });
		expect(r.status).toBe(403);
		expect(r.json.error.message).toMatch(/event 1, tenant/);
		expect(r.json.error.problems).toContainEqual({ index: 6, field: 'source', message: expect.stringMatching(/Trailscope's own audit/) });
		expect(await storedIds(body.map((e) => e.id))).toEqual([]);
	});

	it('are refused however they are named: the source in another tenant, or a key bound to the audit tenant', async () => {
		const deactivation = forged({ tenant: 'acme', source: 'TrailScope', action: 'user_deactivated' });
		const bySource = await call(events.POST, '/api/v1/events', { body: deactivation, key: await keyWith(['ingest']) });
		expect(bySource.status).toBe(403);
		expect(bySource.json.error.problems).toEqual([{ index: 0, field: 'source', message: expect.any(String) }]);
		const bound = forged({});
		const byBoundKey = await call(events.POST, '/api/v1/events', { body: bound, key: await keyWith(['ingest'], 'trailscope') });
		expect(byBoundKey.status).toBe(403);
		expect(byBoundKey.json.error.problems).toEqual([{ index: 0, field: 'tenant', message: expect.any(String) }]);
		expect(await storedIds([deactivation.id, bound.id])).toEqual([]);
	});

	it('so forged failures cannot lock a real user out', async () => {
		for (let i = 0; i < 6; i++) await call(events.POST, '/api/v1/events', { body: forged({ tenant: 'trailscope', source: 'trailscope' }), key: await keyWith(['ingest']) });
		const r = await signIn({ email: EMAIL, password: PASSWORD, ip: '203.0.113.9', userAgent: 'vitest', now: new Date() }, config);
		expect(r.ok).toBe(true);
	});
});
