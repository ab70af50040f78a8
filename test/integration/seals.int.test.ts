import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { command } from '../../src/lib/server/clickhouse/query';
import { resetConfig } from '../../src/lib/server/config';
import { notifyPending } from '../../src/lib/server/alerts/notify';
import { deliverOutbox } from '../../src/lib/server/alerts/outbox';
import { createMailer } from '../../src/lib/server/mail/mailer';
import { buildMonthlyReport } from '../../src/lib/server/monthly/build-report';
import { renderReportText } from '../../src/lib/server/monthly/render-email';
import { listAlerts } from '../../src/lib/server/queries/alerts/list-alerts';
import { insertSeals } from '../../src/lib/server/queries/seals/insert-seals';
import { listSeals } from '../../src/lib/server/queries/seals/list-seals';
import { CANONICAL_HASH_SQL } from '../../src/lib/server/queries/seals/canonical-sql';
import { query } from '../../src/lib/server/clickhouse/query';
import { z } from 'zod';
import { runSeals } from '../../src/lib/server/seals/run-seals';
import { keyIdOf } from '../../src/lib/server/seals/seal-key';
import { signSeal } from '../../src/lib/server/seals/seal-record';
import { runVerifyCommand } from '../../src/lib/server/seals/verify-command';
import { GET as verifyRoute } from '../../src/routes/api/v1/seals/verify/+server';
import { GET as proofRoute } from '../../src/routes/api/v1/events/[id]/proof/+server';
import { call, keyWith, ready } from './helpers';
import { store } from './rule-events';
import { inProcessFetch } from './seal-api';

// Hours far from the other files' clocks. Events of 10:00 and 11:00 arrive at 11:30, sealed at 12:10.
const H = (h: number, m = 0) => new Date(Date.UTC(2026, 9, 5, h, m));
const T = ['clean', 'late', 'deleted', 'changed', 'rehashed', 'inserted', 'dropped', 'resigned', 'tail'];
const ids: Record<string, string[]> = {};
const forgedId = crypto.randomUUID();
const cli = (tenant: string, key: string) =>
	runVerifyCommand(['--url', 'http://trailscope.test', '--tenant', tenant, '--from', H(10).toISOString(), '--to', H(13).toISOString()], { TRAILSCOPE_KEY: key }, inProcessFetch);
const apiVerify = async (tenant: string, key?: string) =>
	(await call(verifyRoute, `/api/v1/seals/verify?tenant=${tenant}&from=${H(10).toISOString()}&to=${H(13).toISOString()}`, { key })).json;
const kinds = (report: { periods: { problems: { kind: string }[] }[] }) => [...new Set(report.periods.flatMap((p) => p.problems.map((x) => x.kind)))].sort();

beforeAll(async () => {
	Object.assign(process.env, { RULES_SETTLE_SECONDS: '60', SEAL_PRIVATE_KEY_FILE: join(mkdtempSync(join(tmpdir(), 'seal-key-')), 'seal.pem') });
	resetConfig();
	await ready();
	for (const tenant of T) {
		const events = Array.from({ length: 12 }, (_, i) => ({
			id: crypto.randomUUID(), tenant, occurred_at: H(10, i * 9).toISOString(), action: i % 3 ? 'contact_updated' : 'login', actor: { id: `u${i}`, email: `u${i}@example.com` },
			ip: i % 2 ? '203.0.113.7' : '2001:db8::7', changes: i % 3 ? { before: { role: 'agent' }, after: { role: 'admin' } } : undefined, details: { n: i }
		}));
		ids[tenant] = events.map((e) => e.id);
		await store(events, H(11, 30));
	}
	await runSeals(H(12, 10));
});

describe('seals', () => {
	it('seals every due hour of every tenant, chained, and verifies them through the API and the command', async () => {
		const seals = await listSeals('clean', H(0), H(23));
		expect(seals.map((s) => [s.seq, s.periodStart, s.kind, s.events])).toEqual([
			[0, H(10).toISOString(), 'period', 7],
			[1, H(11).toISOString(), 'period', 5]
		]);
		expect(seals[1].prevHash).toBe(seals[0].hash);
		const report = await apiVerify('clean');
		expect(report.verified).toBe(true);
		expect(report.periods.map((p: { status: string }) => p.status)).toEqual(['verified', 'verified', 'open']);
		const r = await cli('clean', await keyWith(['read']));
		expect(r.lines.at(-1)).toBe('verified');
		expect(r.code).toBe(0);
	});

	it('seals a late event in an amendment of its hour, which chains and verifies', async () => {
		await store([{ tenant: 'late', occurred_at: H(10, 30).toISOString(), action: 'late_one' }], H(12, 20));
		const run = await runSeals(H(12, 30), { tenants: ['late'] });
		const amendment = run.seals.find((s) => s.tenant === 'late');
		expect(amendment).toMatchObject({ kind: 'amendment', periodStart: H(10).toISOString(), events: 1, seq: 2 });
		const report = await apiVerify('late');
		expect(report.verified).toBe(true);
		expect(report.periods[0]).toMatchObject({ status: 'verified', events: 8, seals: [0, 2] });
		expect((await cli('late', await keyWith(['read']))).code).toBe(0);
	});

	it('gives an event its Merkle path, which the command checks', async () => {
		const res = await call(proofRoute, `/api/v1/events/${ids.clean[3]}/proof`, { params: { id: ids.clean[3] } });
		expect(res.status).toBe(200);
		expect(res.json).toMatchObject({ root: res.json.seal.root, period: { status: 'verified' } });
		expect(res.json.path.length).toBe(3);
		const r = await runVerifyCommand(
			['--url', 'http://t.test', '--tenant', 'clean', '--from', H(10).toISOString(), '--to', H(11).toISOString(), '--proof', ids.clean[3]],
			{ TRAILSCOPE_KEY: await keyWith(['read']) },
			inProcessFetch
		);
		expect(r.lines).toContain(`  proof of ${ids.clean[3]}: verified`);
	});

	describe('tampering directly in the store', () => {
		beforeAll(async () => {
			await command('test.deleteEvent', 'DELETE FROM events WHERE id = {id:UUID}', { id: ids.deleted[2] });
			await command('test.changeEvent', "ALTER TABLE events UPDATE actor_email = 'someone.else@example.com' WHERE id = {id:UUID} SETTINGS mutations_sync = 2", { id: ids.changed[4] });
			// An edit by someone who knows the canonical form: the stored hash is rewritten to match the new fields.
			await command('test.editEvent', "ALTER TABLE events UPDATE reason = 'approved' WHERE id = {id:UUID} SETTINGS mutations_sync = 2", { id: ids.rehashed[5] });
			await command('test.rehashEvent', `ALTER TABLE events UPDATE content_hash = ${CANONICAL_HASH_SQL} WHERE id = {id:UUID} SETTINGS mutations_sync = 2`, { id: ids.rehashed[5] });
			// Backdated: received before the seal was made, as if it had always been there.
			await store([{ id: forgedId, tenant: 'inserted', occurred_at: H(11, 40).toISOString(), action: 'forged' }], H(11, 31));
			await command('test.dropSeal', 'ALTER TABLE seals DELETE WHERE tenant = {t:String} AND seq = 0 SETTINGS mutations_sync = 2', { t: 'dropped' });
			await command('test.dropHead', 'ALTER TABLE seals DELETE WHERE tenant = {t:String} AND seq = 1 SETTINGS mutations_sync = 2', { t: 'tail' });
			const [seal] = await listSeals('resigned', H(11), H(12));
			const { privateKey, publicKey } = generateKeyPairSync('ed25519');
			const { signature: _s, hash: _h, ...unsigned } = seal;
			await insertSeals([signSeal({ ...unsigned, keyId: keyIdOf(publicKey) }, privateKey)]);
		});

		const expected: [string, string[]][] = [
			['deleted', ['missing']],
			['changed', ['changed']],
			['rehashed', ['altered']],
			['inserted', ['added']],
			['dropped', ['no_seal']],
			['resigned', ['bad_signature']]
		];

		it.each(expected)('the API reports the %s hour: %j', async (tenant, problems) => {
			const report = await apiVerify(tenant);
			expect(report.verified).toBe(false);
			expect(kinds(report)).toEqual(expect.arrayContaining(problems));
			// The seal's leaf list names every event concerned: the API reads it from the store.
			const named = report.periods.flatMap((p: { problems: { kind: string; ids?: string[] }[] }) => p.problems.flatMap((x) => (x.ids ?? []).map((id) => `${x.kind} ${id}`)));
			const expectedNames: Record<string, string> = {
				deleted: `missing ${ids.deleted[2]}`, changed: `changed ${ids.changed[4]}`, rehashed: `altered ${ids.rehashed[5]}`, inserted: `added ${forgedId}`
			};
			if (expectedNames[tenant]) expect(named).toEqual([expectedNames[tenant]]);
		});

		it.each(expected)('the verify command fails on the %s hour', async (tenant, problems) => {
			const r = await cli(tenant, await keyWith(['read']));
			expect(r.code).toBe(1);
			expect(r.lines.join('\n')).toMatch(new RegExp(`FAILED .*${problems[0]}`));
		});

		it('raises one critical integrity_violation alert per failed hour, emailed like any alert', async () => {
			const run = await runSeals(H(12, 40), { verify: true });
			expect(run.alerts).toBeGreaterThanOrEqual(5);
			for (const [tenant] of expected) {
				const alerts = await listAlerts('*', { tenant, since: H(0), limit: 10 });
				expect(alerts.map((a) => [a.ruleId, a.severity])).toContainEqual(['integrity_violation', 'critical']);
			}
			expect(await listAlerts('*', { tenant: 'clean', since: H(0), limit: 10 })).toEqual([]);
			const outbox = mkdtempSync(join(tmpdir(), 'seal-outbox-'));
			await notifyPending(new Map(), { appUrl: 'https://trailscope.test', recipients: ['auditor@example.com'], burstCap: 100, now: H(12, 41) });
			const delivery = await deliverOutbox(createMailer({ from: 'trailscope@example.com', outboxDir: outbox }), H(12, 41));
			expect(delivery.sent).toBeGreaterThanOrEqual(5);
			const mails = readdirSync(outbox).map((f) => readFileSync(join(outbox, f), 'utf8'));
			expect(mails.filter((m) => /Integrity violation/.test(m)).length).toBeGreaterThanOrEqual(5);
		});

		it('the monthly report states whether every hour verified, and lists those that did not', async () => {
			const bad = (await buildMonthlyReport('deleted', '2026-10', H(20))).report;
			expect(bad.integrity.failed.map((f) => f.start)).toEqual([H(10).toISOString()]);
			expect(renderReportText(bad, { appUrl: 'https://t.test', attachments: [] })).toMatch(/INTEGRITY: 1 of \d+ sealed hours of October 2026 did NOT verify/);
			const good = (await buildMonthlyReport('clean', '2026-10', H(20))).report;
			expect(good.integrity).toMatchObject({ failed: [], verified: 2 });
			expect(renderReportText(good, { appUrl: 'https://t.test', attachments: [] })).toMatch(/Integrity: every sealed hour of October 2026 verified/);
		});

		it('a chain cut at its newest seal is caught by the job, which stops sealing that tenant', async () => {
			const run = await runSeals(H(12, 45));
			expect(run.broken.map((b) => [b.tenant, b.expected.seq, b.found?.seq])).toEqual(expect.arrayContaining([['tail', 1, 0]]));
			expect(run.seals.filter((s) => s.tenant === 'tail')).toEqual([]);
			const alerts = await listAlerts('*', { tenant: 'tail', since: H(0), limit: 10 });
			expect(alerts.map((a) => a.groupLabels.join())).toEqual(expect.arrayContaining([expect.stringMatching(/chain_break: the stored chain ends at seal 0, but seal 1/)]));
		});

		it('a tenant-bound key verifies only its own tenant', async () => {
			const bound = await keyWith(['read'], 'clean');
			expect((await call(verifyRoute, `/api/v1/seals/verify?tenant=clean&from=${H(10).toISOString()}&to=${H(12).toISOString()}`, { key: bound })).status).toBe(200);
			expect((await call(verifyRoute, `/api/v1/seals/verify?tenant=deleted&from=${H(10).toISOString()}&to=${H(12).toISOString()}`, { key: bound })).status).toBe(403);
		});
	});
});
