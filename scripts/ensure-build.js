// Builds the app when the build is missing or older than its sources; shared by start, bench and tests.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

// Everything `vite build` reads: the app, the folders it imports from outside src/ (the migration
// runner, the scheduler), the static files it copies, and the configuration. A test checks that
// every folder src/ imports from is listed.
export const SOURCES = ['src', 'clickhouse', 'jobs', 'static', 'package.json', 'package-lock.json', 'svelte.config.js', 'vite.config.ts', 'tsconfig.json'];

function newest(path) {
	if (!existsSync(path)) return 0;
	const s = statSync(path);
	if (!s.isDirectory()) return s.mtimeMs;
	return readdirSync(path).reduce((m, f) => Math.max(m, newest(join(path, f))), s.mtimeMs);
}

export function ensureBuild() {
	const built = existsSync('build/index.js') ? statSync('build/index.js').mtimeMs : 0;
	if (built >= Math.max(...SOURCES.map(newest))) return;
	console.log('Trailscope: building the app (first start or changed sources)...');
	const r = spawnSync(process.execPath, ['node_modules/vite/bin/vite.js', 'build', '--logLevel', 'warn'], { stdio: 'inherit' });
	if (r.status !== 0) throw new Error(`vite build failed with exit code ${r.status}`);
}

if (import.meta.url === `file://${process.argv[1]}`) ensureBuild();
