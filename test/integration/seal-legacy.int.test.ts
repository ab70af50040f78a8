import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadMigrations, migrate } from '../../clickhouse/migrate';
import { command, insert } from '../../src/lib/server/clickhouse/query';
import { resetConfig } from '../../src/lib/server/config';
import { prepareEvents } from '../../src/lib/server/ingest/prepare';
import { getEvent } from '../../src/lib/server/queries/events/get-event';
import { runSeals, verifyStored } from '../../src/lib/server/seals/run-seals';
import { rowsBefore0060 } from './legacy-rows';

const H = (h: number, m = 0) => new Date(Date.UTC(2026, 10, 10, h, m));
let ids: string[] = [];

beforeAll(async () => {
	Object.assign(process.env, { RULES_SETTLE_SECONDS: '60', SEAL_PRIVATE_KEY_FILE: join(mkdtempSync(join(tmpdir(), 'seal-key-')), 'seal.pem') });
	resetConfig();
	const all = loadMigrations();
	await migrate(all.filter((m) => m.version < 60), []);
	// Events as ingest wrote them before migration 0060: the 128-bit form-1 hash, no hash_form column.
	const p = await prepareEvents(
		[
			{ tenant: 'old', occurred_at: H(9, 5).toISOString(), action: 'login', ip: '2001:db8::5', actor: { id: 'u1' } },
			{ tenant: 'old', occurred_at: H(9, 15).toISOString(), action: 'contact_updated', changes: { before: { a: 1 }, after: { a: 2 } }, ip: '198.51.100.2' }
		],
		[],
		{ now: H(9, 30), retention: { days: 90, securityDays: 365 } }
	);
	if (!p.ok) throw new Error('invalid');
	const rows = rowsBefore0060(p.rows);
	ids = rows.map((r) => r.id);
	await insert('test.insertLegacyEvents', 'events', rows);
	await migrate(all);
});

describe('events stored before the full hash (form 1)', () => {
	it('keep their 32-hex hash, are sealed and verify in their form', async () => {
		const e = await getEvent('*', ids[0]);
		expect(e?.content_hash).toMatch(/^[0-9a-f]{32}$/);
		await runSeals(H(11));
		const r = await verifyStored('old', H(9), H(10));
		expect(r.periods[0]).toMatchObject({ status: 'verified', events: 2 });
	});

	it('still show a change made in the store', async () => {
		await command('test.changeLegacy', "ALTER TABLE events UPDATE reason = 'edited' WHERE id = {id:UUID} SETTINGS mutations_sync = 2", { id: ids[1] });
		const r = await verifyStored('old', H(9), H(10));
		expect(r.periods[0].problems).toContainEqual(expect.objectContaining({ kind: 'changed', ids: [ids[1]] }));
	});
});
