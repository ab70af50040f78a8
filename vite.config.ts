import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vitest/config';

const SERVER_MODE_TESTS = ['test/integration/**/*.int.test.ts', 'test/security/**/*.int.test.ts', 'test/server-mode/**/*.int.test.ts'];

export default defineConfig({
	plugins: [sveltekit()],
	server: { host: '127.0.0.1' },
	build: {
		// echarts is one large client chunk by design; the warning would only alarm a newcomer.
		chunkSizeWarningLimit: 1500,
		rollupOptions: {
			// zod ships comments Rollup cannot place: harmless, and noise on every first start.
			onLog(level, log, handler) {
				if (log.code !== 'INVALID_ANNOTATION') handler(level, log);
			}
		}
	},
	test: {
		// chdb crashes the process at exit when loaded in a worker thread (ARCHITECTURE.md): forks only.
		pool: 'forks',
		projects: [
			// A hang guard, not a timing target: generating the demo's 30 days takes seconds on a busy machine.
			{ extends: true, test: { name: 'unit', include: ['test/unit/**/*.test.ts'], testTimeout: 30_000 } },
			{
				extends: true,
				test: {
					name: 'integration',
					include: ['test/integration/**/*.int.test.ts'],
					setupFiles: ['test/integration/setup.ts'],
					testTimeout: 60_000,
					hookTimeout: 120_000
				}
			},
			// The findings of the hardening review (issue 11), one file per promise, against the real store.
			{
				extends: true,
				test: {
					name: 'security',
					include: ['test/security/**/*.int.test.ts'],
					setupFiles: ['test/integration/setup.ts'],
					testTimeout: 60_000,
					hookTimeout: 120_000
				}
			},
			// Server mode (CLICKHOUSE_URL): the integration tests again, through @clickhouse/client over
			// HTTP, against a ClickHouse HTTP interface served from a separate engine process.
			{
				extends: true,
				test: {
					name: 'server',
					include: SERVER_MODE_TESTS,
					setupFiles: ['test/server-mode/setup.ts'],
					globalSetup: ['test/server-mode/global-setup.ts'],
					testTimeout: 60_000,
					hookTimeout: 120_000
				}
			}
		]
	}
});
