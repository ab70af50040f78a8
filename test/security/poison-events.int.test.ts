import { beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { query } from '../../src/lib/server/clickhouse/query';
import { getConfig } from '../../src/lib/server/config';
import { submitIngest } from '../../src/lib/server/ingest/commit';
import { prepareEvents } from '../../src/lib/server/ingest/prepare';
import { recordAudit } from '../../src/lib/server/audit/record-audit';
import * as events from '../../src/routes/api/v1/events/+server';
import { call, keyWith, ready } from '../integration/helpers';

// Issue 11, finding 2: one request holding a lone surrogate failed every request batched with it.
const stored = async (ids: string[]) =>
	(await query({ name: 'test.storedIds', row: z.object({ id: z.string() }), params: { ids }, sql: 'SELECT toString(id) AS id FROM events WHERE id IN {ids:Array(UUID)}' })).map((r) => r.id);

const event = (tenant: string) => ({ id: randomUUID(), tenant, occurred_at: new Date().toISOString(), actor: 'u-1', action: 'login' });

beforeAll(ready);

describe('a lone UTF-16 surrogate', () => {
	it('is refused with 400 naming the event and the field, before anything is batched', async () => {
		const good = event('acme');
		const body = `[${JSON.stringify(good)}, {"occurred_at":"${new Date().toISOString()}","action":"poison\\ud800","details":{"n\\udc00te":"x"}}]`;
		const r = await call(events.POST, '/api/v1/events', { body, key: await keyWith(['ingest'], 'acme') });
		expect(r.status).toBe(400);
		expect(r.json.error.problems).toEqual([
			{ index: 1, field: 'action', message: expect.stringMatching(/lone UTF-16 surrogate/) },
			{ index: 1, field: 'details.n\udc00te', message: expect.stringMatching(/lone UTF-16 surrogate/) }
		]);
		expect(await stored([good.id])).toEqual([]);
	});

	it('that reaches the store anyway fails only its own request, not the others batched with it', async () => {
		const now = new Date();
		const prepare = async (e: object) => {
			const p = await prepareEvents([e], [100], { now, retention: getConfig().retention });
			if (!p.ok) throw new Error(JSON.stringify(p.problems));
			return p.rows;
		};
		const others = await Promise.all(['acme', 'globex', 'initech'].map((t) => prepare(event(t))));
		const poison = await prepare(event('evil'));
		// As if a check missed it: the row the engine will refuse.
		poison[0].action = 'poison\ud800';
		const job = (rows: typeof poison, keyId: string) => submitIngest({ rows, clientIds: true, keyId, bodyHash: keyId });
		// Submitted in one tick, so the group committer puts all four in one batch.
		const outcomes = await Promise.allSettled([job(others[0], 'a'), job(poison, 'evil'), job(others[1], 'b'), job(others[2], 'c')]);
		expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'rejected', 'fulfilled', 'fulfilled']);
		expect((await stored(others.flat().map((r) => r.id))).sort()).toEqual(others.flat().map((r) => r.id).sort());
		expect(await stored([poison[0].id])).toEqual([]);
	});

	it('in text Trailscope records about itself (a comment, a name) is repaired, so the change is still recorded', async () => {
		const id = randomUUID();
		await recordAudit({ actor: { id: 'u-1', type: 'user' }, action: 'alert_acknowledged', target: { type: 'alert', id }, reason: 'looked\ud800 at it' });
		const rows = await query({ name: 'test.auditReason', row: z.object({ reason: z.string() }), params: { id }, sql: "SELECT reason FROM events WHERE tenant = 'trailscope' AND target_id = {id:String}" });
		expect(rows).toEqual([{ reason: 'looked\ufffd at it' }]);
	});
});
