import { defineConfig } from '@playwright/test';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const port = Number(process.env.E2E_PORT ?? 4173);
// A fresh store with the demo data, so pages show what a newcomer sees.
const dataDir = process.env.E2E_DATA_DIR ?? mkdtempSync(join(tmpdir(), 'trailscope-e2e-'));
process.env.E2E_DATA_DIR = dataDir;

export default defineConfig({
	testDir: 'test/e2e',
	testMatch: '**/*.e2e.ts',
	// Generous limits: they only bound how long a test waits for an answer, and a loaded CI
	// machine (two cores, another suite running) answers several times slower than an idle one.
	timeout: 90_000,
	expect: { timeout: 20_000 },
	workers: 1,
	reporter: [['list']],
	use: {
		baseURL: `http://127.0.0.1:${port}`,
		launchOptions: {
			executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
			args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync']
		}
	},
	webServer: {
		command: 'node scripts/start.js',
		url: `http://127.0.0.1:${port}/healthz`,
		timeout: 180_000,
		reuseExistingServer: false,
		env: {
			PORT: String(port),
			APP_URL: `http://127.0.0.1:${port}`,
			HOST: '127.0.0.1',
			DATA_DIR: dataDir,
			INGEST_API_KEY: 'e2e-key-with-every-scope',
			ADMIN_EMAIL: 'admin@e2e.example',
			ADMIN_PASSWORD: 'e2e admin password',
			SEED_DEMO: 'true',
			BODY_SIZE_LIMIT: 'Infinity'
		}
	}
});
