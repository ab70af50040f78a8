import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { z } from 'zod';
import { POST } from '../../src/routes/api/v1/import/[format]/+server';
import { query } from '../../src/lib/server/clickhouse/query';
import { FAILED_SIGN_IN, PRIVILEGE_ELEVATION, SIGN_IN } from '../../src/lib/server/queries/event-kinds';
import { call, keyWith, ready } from './helpers';

// Public sample data beside the project (never kept in it); sample-based tests skip without it.
const SCENARIOS = fileURLToPath(new URL('../../../shared/samples/panther-analysis/test_scenarios', import.meta.url));
const withSamples = it.skipIf(!existsSync(SCENARIOS));
const logs = (path: string): Record<string, unknown>[] => parse(readFileSync(`${SCENARIOS}/${path}`, 'utf8')).Logs;

/** Moves a scenario's times so its last record happened an hour ago, keeping the gaps (as Panther's own replay does). */
function replayRecent(records: Record<string, unknown>[], field: string) {
	const times = records.map((r) => Date.parse(String(r[field])));
	const shift = Date.now() - 3600e3 - Math.max(...times);
	return records.map((r, i) => ({ ...r, [field]: new Date(times[i] + shift).toISOString() }));
}

const Count = z.object({ n: z.coerce.number() });
const count = async (tenant: string, where: string) =>
	(await query({ name: 'test.count', row: Count, params: { tenant }, sql: `SELECT count() AS n FROM events WHERE tenant = {tenant:String} AND ${where}` }))[0].n;

beforeAll(ready);

describe('POST /api/v1/import/{format}', () => {
	withSamples('imports the Okta add-administrator story so the event kinds see the attack', async () => {
		const tenant = 'okta-story';
		const key = await keyWith(['ingest'], tenant);
		const story = replayRecent(
			['legit_login.yml', 'brute_force_logins.yml', 'new-user.yml', 'admin_privs_assigned.yml'].flatMap((f) => logs(`okta-add-administrator/${f}`)),
			'published'
		);
		const r = await call(POST, '/api/v1/import/okta', { key, body: story, params: { format: 'okta' } });
		expect(r.status).toBe(202);
		// legit_login.yml repeats one uuid for several sign-ins: Okta's uuid is the event's identity,
		// so those count as duplicates of the first and are stored once.
		const unique = new Set(story.map((s) => s.uuid)).size;
		expect(r.json).toEqual({ accepted: story.length, duplicates: story.length - unique });
		expect(await count(tenant, '1')).toBe(unique);
		expect(await count(tenant, FAILED_SIGN_IN)).toBe(9);
		expect(await count(tenant, PRIVILEGE_ELEVATION)).toBe(1);
		expect(await count(tenant, SIGN_IN)).toBeGreaterThan(0);
		expect(await count(tenant, "source = 'okta' AND country != ''")).toBeGreaterThan(0);
	});

	withSamples('stores nothing twice when the same file is imported again', async () => {
		const tenant = 'cloudtrail-again';
		const key = await keyWith(['ingest'], tenant);
		const file = { Records: replayRecent(logs('compromised-root-creds/attacker_cloudtrail.yml'), 'eventTime') };
		const first = await call(POST, '/api/v1/import/cloudtrail', { key, body: file, params: { format: 'cloudtrail' } });
		expect(first.status).toBe(202);
		const stored = await count(tenant, '1');
		expect(stored).toBe(file.Records.length);
		const again = await call(POST, '/api/v1/import/cloudtrail', { key, body: file, params: { format: 'cloudtrail' } });
		expect(again.status).toBe(202);
		expect(await count(tenant, '1')).toBe(stored);
		expect(await count(tenant, "action = 'ConsoleLogin' AND outcome = 'failure'")).toBeGreaterThan(2);
	});

	withSamples('refuses a request with an unreadable record, names it, and stores nothing of it', async () => {
		const tenant = 'okta-bad';
		const key = await keyWith(['ingest'], tenant);
		const good = replayRecent(logs('okta-add-administrator/brute_force_logins.yml'), 'published');
		const r = await call(POST, '/api/v1/import/okta', { key, body: [...good, { eventType: 'user.session.start', published: 'last tuesday' }], params: { format: 'okta' } });
		expect(r.status).toBe(400);
		expect(r.json.error.problems).toEqual([{ index: good.length, field: 'published', message: 'is not a time' }]);
		expect(await count(tenant, '1')).toBe(0);
	});

	it('answers 404 for an unknown format and 403 without the ingest scope', async () => {
		const unknown = await call(POST, '/api/v1/import/splunk', { body: [], params: { format: 'splunk' } });
		expect(unknown.status).toBe(404);
		expect(unknown.json.error.message).toMatch(/okta, cloudtrail, github/);
		const reader = await keyWith(['read']);
		expect((await call(POST, '/api/v1/import/okta', { key: reader, body: [], params: { format: 'okta' } })).status).toBe(403);
	});
});
