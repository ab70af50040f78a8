// `npm start`: builds the app when the build is missing or older than the sources, then serves it.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const SOURCES = ['src', 'package.json', 'package-lock.json', 'svelte.config.js', 'vite.config.ts'];

function newest(path) {
	if (!existsSync(path)) return 0;
	const s = statSync(path);
	if (!s.isDirectory()) return s.mtimeMs;
	return readdirSync(path).reduce((m, f) => Math.max(m, newest(join(path, f))), s.mtimeMs);
}

const built = existsSync('build/index.js') ? statSync('build/index.js').mtimeMs : 0;
if (built < Math.max(...SOURCES.map(newest))) {
	console.log('Trailscope: building the app (first start or changed sources)...');
	const r = spawnSync(process.execPath, ['node_modules/vite/bin/vite.js', 'build', '--logLevel', 'warn'], { stdio: 'inherit' });
	if (r.status !== 0) process.exit(r.status ?? 1);
}

// adapter-node's own limit would refuse large batches before the API can answer with its 413.
process.env.BODY_SIZE_LIMIT ??= 'Infinity';
if (process.env.APP_URL && !process.env.ORIGIN) process.env.ORIGIN = process.env.APP_URL;
await import(join(process.cwd(), 'build', 'index.js'));
