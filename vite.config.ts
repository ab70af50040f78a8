import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vitest/config';

export default defineConfig({
	plugins: [sveltekit()],
	server: { host: '127.0.0.1' },
	test: {
		// chdb crashes the process at exit when loaded in a worker thread (ARCHITECTURE.md): forks only.
		pool: 'forks',
		projects: [
			{ extends: true, test: { name: 'unit', include: ['test/unit/**/*.test.ts'] } },
			{
				extends: true,
				test: {
					name: 'integration',
					include: ['test/integration/**/*.int.test.ts'],
					setupFiles: ['test/integration/setup.ts'],
					testTimeout: 60_000,
					hookTimeout: 120_000
				}
			}
		]
	}
});
