import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { gunzipSync, gzipSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { resetConfig } from '../../src/lib/server/config';
import { archiveExpiringEvents } from '../../src/lib/server/retention/archive';
import { runSeals } from '../../src/lib/server/seals/run-seals';
import { ready } from './helpers';
import { store } from './rule-events';

const run = promisify(execFile);
const H = (d: number, h: number, m = 0) => new Date(Date.UTC(2026, 10, d, h, m));
const dir = mkdtempSync(join(tmpdir(), 'trailscope-seal-archive-'));
let files: { file: string }[] = [];

/** The real command in its own process, offline: only the archive directory and its public key. */
async function verifyArchive(): Promise<{ code: number; out: string }> {
	try {
		const { stdout } = await run('npx', ['tsx', 'scripts/verify.ts', '--archive', dir], { env: { ...process.env, TRAILSCOPE_KEY: '' } });
		return { code: 0, out: stdout };
	} catch (e) {
		const x = e as { code: number; stdout: string };
		return { code: x.code, out: x.stdout };
	}
}

beforeAll(async () => {
	Object.assign(process.env, { RULES_SETTLE_SECONDS: '60', SEAL_PRIVATE_KEY_FILE: join(mkdtempSync(join(tmpdir(), 'seal-key-')), 'seal.pem') });
	resetConfig();
	await ready();
	// Within the table's 90-day TTL of the real clock. Both classes of one day (standard and security), and a second day, for two tenants.
	const events = ['arch-a', 'arch-b'].flatMap((tenant) => [
		{ tenant, occurred_at: H(3, 9, 5).toISOString(), action: 'contact_updated', changes: { before: { a: 1 }, after: { a: 2 } } },
		{ tenant, occurred_at: H(3, 9, 40).toISOString(), action: 'login_failed', outcome: 'failure', ip: '198.51.100.4' },
		{ tenant, occurred_at: H(4, 14, 0).toISOString(), action: 'report_exported', details: { records: 10 } }
	]);
	await store(events, H(4, 20));
	await runSeals(H(4, 23));
	const done = await archiveExpiringEvents(H(28, 12), { dir, leadDays: 1, retention: { days: 2, securityDays: 3 } });
	files = done.filter((d) => d.day === '2026-11-03');
});

describe('archive verification, offline', () => {
	it('verifies the archived events against the archived seals with the archived public key', async () => {
		expect(files.length).toBe(2);
		const r = await verifyArchive();
		expect(r.out).toMatch(/archive: verified \(2 tenant\(s\)\)/);
		expect(r.code).toBe(0);
	});

	it('fails when a line of an archive file is edited', async () => {
		const file = files[0].file;
		const text = gunzipSync(readFileSync(file)).toString();
		writeFileSync(file, gzipSync(text.replace('"contact_updated"', '"contact_viewed"')));
		const r = await verifyArchive();
		expect(r.code).toBe(1);
		expect(r.out).toMatch(/FAILED 2026-11-03T09:00:00.000Z: changed/);
		writeFileSync(file, gzipSync(text));
		expect((await verifyArchive()).code).toBe(0);
	});
});
