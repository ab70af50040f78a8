import adapter from '@sveltejs/adapter-node';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

/** @type {import('@sveltejs/kit').Config} */
const config = {
	preprocess: vitePreprocess(),
	kit: {
		adapter: adapter({ out: 'build', precompress: false }),
		// csrf.checkOrigin stays on (the default): form posts from other origins are refused.
		// SvelteKit adds hashes for its own inline scripts; styles allow inline for the style
		// attributes Svelte and echarts set (no user-supplied markup is ever rendered as HTML).
		csp: {
			mode: 'auto',
			directives: {
				'default-src': ['self'],
				'script-src': ['self'],
				'style-src': ['self', 'unsafe-inline'],
				'img-src': ['self', 'data:', 'blob:'],
				'font-src': ['self'],
				'connect-src': ['self'],
				'object-src': ['none'],
				'base-uri': ['self'],
				'form-action': ['self'],
				'frame-ancestors': ['none']
			}
		},
		typescript: {
			config: (c) => ({ ...c, include: [...c.include, '../clickhouse/**/*.ts', '../jobs/**/*.ts', '../test/**/*.ts', '../scripts/**/*.ts'] })
		}
	}
};

export default config;
