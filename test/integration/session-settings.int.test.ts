import { beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { z } from 'zod';
import { GET as LIST, POST } from '../../src/routes/api/v1/events/+server';
import { GET as EXPORT } from '../../src/routes/api/v1/events/export/+server';
import { GET as SECURITY } from '../../src/routes/api/v1/reports/security/+server';
import { runRuleJob } from '../../src/lib/server/alerts/rule-job';
import { getLaneClient } from '../../src/lib/server/clickhouse/client';
import { inBackground, type Lane } from '../../src/lib/server/clickhouse/lane';
import { createMailer } from '../../src/lib/server/mail/mailer';
import { call, ready } from './helpers';

// chdb/connection turns a query's clickhouse_settings into session SETs that stay for every later
// query of the process (ARCHITECTURE.md); settings must travel in the query's SETTINGS clause. This
// runs the app's main paths and checks that neither engine session was changed by any of them.
const Setting = z.object({ name: z.string(), value: z.string() });
// Asked without any setting of its own (query() would add a SETTINGS clause, which shows here).
async function changed(lane: Lane) {
	const rs = await (await getLaneClient(lane)).query({ query: 'SELECT name, value FROM system.settings WHERE changed ORDER BY name', format: 'JSONEachRow' });
	return (await rs.json()).map((r) => Setting.parse(r));
}

let before: Record<Lane, z.infer<typeof Setting>[]>;

beforeAll(async () => {
	// Before the migrations and everything else: the sessions as the engine opens them.
	before = { interactive: await changed('interactive'), background: await changed('background'), ingest: await changed('ingest') };
	await ready();
});

describe('engine sessions', () => {
	it('keep their settings through ingest, timeline, lookups, export, report and a rule tick on the background and ingest lanes', async () => {
		const now = Date.now();
		const events = Array.from({ length: 30 }, (_, i) => ({
			id: randomUUID(),
			tenant: 'sess',
			occurred_at: new Date(now - i * 60e3).toISOString(),
			actor: { id: `u-${i % 3}`, email: `u${i % 3}@example.com` },
			action: i % 2 ? 'login_failed' : 'user.deleted',
			outcome: i % 2 ? 'failure' : 'success',
			ip: `198.51.100.${i % 4}`,
			changes: { before: { role: 'admin' } }
		}));
		expect((await call(POST, '/api/v1/events', { body: events })).status).toBe(202);
		for (const q of ['', '&actor=u-1', '&ip=198.51.100.0/24', '&q=deleted', '&action=login_failed'])
			expect((await call(LIST, `/api/v1/events?tenant=sess&from=now-1d${q}`)).status).toBe(200);
		const exported = await EXPORT({ request: new Request('http://localhost/x', { headers: { authorization: 'Bearer test-key-with-every-scope' } }), url: new URL('http://localhost/api/v1/events/export?tenant=sess&from=now-1d&format=csv'), locals: { user: null }, getClientAddress: () => '127.0.0.1' } as never);
		expect((await exported.text()).split('\n').length).toBeGreaterThan(30);
		expect((await call(SECURITY, '/api/v1/reports/security?tenant=sess&from=now-1d')).status).toBe(200);
		await inBackground(() => runRuleJob(new Date(now + 120e3), createMailer({ from: 'alerts@trailscope.test', outboxDir: mkdtempSync(join(tmpdir(), 'sess-outbox-')) })));
		expect(await changed('interactive')).toEqual(before.interactive);
		expect(await changed('background')).toEqual(before.background);
		expect(await changed('ingest')).toEqual(before.ingest);
	});
});
