import adapter from '@sveltejs/adapter-node';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

/** @type {import('@sveltejs/kit').Config} */
const config = {
	preprocess: vitePreprocess(),
	kit: {
		adapter: adapter({ out: 'build', precompress: false }),
		// csrf.checkOrigin stays on (the default): form posts from other origins are refused.
		typescript: {
			config: (c) => ({ ...c, include: [...c.include, '../clickhouse/**/*.ts', '../jobs/**/*.ts', '../test/**/*.ts', '../bench/**/*.ts', '../scripts/**/*.ts'] })
		}
	}
};

export default config;
