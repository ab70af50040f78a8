import { beforeAll, describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { insert } from '../../src/lib/server/clickhouse/query';
import { prepareEvents } from '../../src/lib/server/ingest/prepare';
import { archiveExpiringEvents } from '../../src/lib/server/retention/archive';
import { ready } from './helpers';

const now = new Date('2026-11-23T12:00:00Z');
const retention = { days: 10, securityDays: 20 };
const daysAgo = (d: number, h = 0) => new Date(now.getTime() - d * 86400e3 + h * 3600e3).toISOString();
const dir = mkdtempSync(join(tmpdir(), 'trailscope-archive-'));

beforeAll(async () => {
	await ready();
	const events = [
		{ occurred_at: daysAgo(1), action: 'contact_updated' },
		{ occurred_at: daysAgo(5), action: 'contact_updated', tenant: 'b' },
		{ occurred_at: daysAgo(5, 2), action: 'contact_deleted' },
		{ occurred_at: daysAgo(9), action: 'contact_created' },
		{ occurred_at: daysAgo(9), action: 'login_failed', outcome: 'failure' },
		{ occurred_at: daysAgo(15), action: 'login' }
	];
	const prepared = await prepareEvents(events, [], { now, retention });
	if (!prepared.ok) throw new Error(JSON.stringify(prepared.problems));
	await insert('test.insertEvents', 'events', prepared.rows);
});

describe('archiveExpiringEvents', () => {
	it('writes each day that retention deletes within the lead time, once, and whole', async () => {
		const done = await archiveExpiringEvents(now, { dir, leadDays: 7, retention });
		// Standard events are deleted after 10 days: with 7 days' lead, days older than 3 days are due.
		// Security events (20 days) are due after 13 days: the sign-in of 15 days ago.
		expect(done.map((d) => [d.retentionClass, d.day, d.events])).toEqual([
			['standard', daysAgo(9).slice(0, 10), 1],
			['standard', daysAgo(5).slice(0, 10), 2],
			['security', daysAgo(15).slice(0, 10), 1]
		]);
		const five = done[1];
		const bytes = readFileSync(five.file);
		const lines = gunzipSync(bytes).toString().trim().split('\n').map((l) => JSON.parse(l));
		expect(lines.map((e) => [e.action, e.tenant])).toEqual([
			['contact_updated', 'b'],
			['contact_deleted', 'default']
		]);
		expect(existsSync(`${five.file}.partial`)).toBe(false);
		expect(createHash('sha256').update(bytes).digest('hex')).toMatch(/^[0-9a-f]{64}$/);
		expect(await archiveExpiringEvents(now, { dir, leadDays: 7, retention })).toEqual([]);
	});

	it('catches up on days that came due while it was not running', async () => {
		const later = new Date(now.getTime() + 3 * 86400e3);
		const done = await archiveExpiringEvents(later, { dir, leadDays: 7, retention });
		expect(done.map((d) => [d.retentionClass, d.day])).toEqual([['standard', daysAgo(1).slice(0, 10)]]);
	});
});
