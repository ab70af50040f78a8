import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { once } from 'node:events';
import { ensureBuild } from '../../scripts/ensure-build.js';

// The built server as a newcomer runs it: first start prints a key, data survives a restart.
const dataDir = mkdtempSync(join(tmpdir(), 'trailscope-server-'));
const port = 20000 + (process.pid % 20000);
const base = `http://127.0.0.1:${port}`;
let server: ChildProcess | undefined;
let output = '';

async function start(): Promise<string> {
	output = '';
	server = spawn(process.execPath, ['build/index.js'], {
		env: { ...process.env, DATA_DIR: dataDir, PORT: String(port), HOST: '127.0.0.1', SEED_DEMO: 'false', INGEST_API_KEY: '', BODY_SIZE_LIMIT: 'Infinity' },
		stdio: ['ignore', 'pipe', 'pipe']
	});
	server.stdout!.on('data', (d) => (output += d));
	server.stderr!.on('data', (d) => (output += d));
	for (let i = 0; i < 900; i++) {
		const ok = await fetch(`${base}/healthz`).then((r) => r.ok, () => false);
		if (ok) return output;
		await new Promise((r) => setTimeout(r, 100));
	}
	throw new Error(`the server did not start:\n${output}`);
}

async function stop() {
	if (!server || server.exitCode !== null) return;
	server.kill('SIGTERM');
	await once(server, 'exit');
}

// Hang guards for a busy machine, not timing targets.
beforeAll(() => ensureBuild(), 400_000);
afterAll(async () => {
	await stop();
	rmSync(dataDir, { recursive: true, force: true });
});

describe('the built server', () => {
	let key = '';
	const auth = () => ({ authorization: `Bearer ${key}`, 'content-type': 'application/x-ndjson' });

	it('prints a key on first start, stores events, and keeps them across a restart', async () => {
		const first = await start();
		key = /(tsk_[A-Za-z0-9_-]+)/.exec(first)?.[1] ?? '';
		expect(key, first).not.toBe('');
		const health = await (await fetch(`${base}/healthz`)).json();
		// In the server-mode run the built server gets CLICKHOUSE_URL too, and talks to the test server.
		expect(health).toMatchObject({ status: 'ok', store: process.env.CLICKHOUSE_URL ? 'server' : 'embedded' });
		const lines = Array.from({ length: 25 }, (_, i) => JSON.stringify({ occurred_at: new Date(Date.now() - i * 1000).toISOString(), actor: { email: 'john@company.com' }, action: 'login', ip: '203.0.113.45' }));
		const posted = await fetch(`${base}/api/v1/events`, { method: 'POST', headers: auth(), body: lines.join('\n') });
		expect(posted.status).toBe(202);
		await stop();

		const second = await start();
		expect(second).not.toMatch(/tsk_/);
		const page = await (await fetch(`${base}/api/v1/events?actor=john@company.com&limit=10`, { headers: auth() })).json();
		expect(page.events).toHaveLength(10);
		expect(page.next_cursor).toBeTruthy();
		const rest = await (await fetch(`${base}/api/v1/events?actor=john@company.com&limit=100&cursor=${page.next_cursor}`, { headers: auth() })).json();
		expect(rest.events).toHaveLength(15);
	}, 240_000);

	it('answers hostile bodies over real HTTP and stays up', async () => {
		const bad = await fetch(`${base}/api/v1/events`, { method: 'POST', headers: { ...auth(), 'content-type': 'application/json' }, body: '{"action":' });
		expect(bad.status).toBe(400);
		expect((await bad.json()).error.message).toMatch(/not valid JSON/);
		const huge = await fetch(`${base}/api/v1/events`, { method: 'POST', headers: auth(), body: 'x'.repeat(11 * 1024 * 1024) });
		expect(huge.status).toBe(413);
		const binary = await fetch(`${base}/api/v1/events`, { method: 'POST', headers: auth(), body: new Uint8Array([0xff, 0xfe, 0x00, 0x01]) });
		expect(binary.status).toBe(400);
		expect((await fetch(`${base}/healthz`)).status).toBe(200);
	});
});
