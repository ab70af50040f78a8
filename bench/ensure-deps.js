// `npm run bench` at the root: the benchmark's own package (the SQLite peer, a native module
// compiled on install) is installed from bench/package-lock.json on first use, so installing
// Trailscope itself compiles nothing.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const bench = dirname(fileURLToPath(import.meta.url));
if (!existsSync(join(bench, 'node_modules', 'better-sqlite3', 'package.json'))) {
	console.error('bench: installing the benchmark\'s own dependencies (npm --prefix bench ci)');
	execFileSync('npm', ['--prefix', bench, 'ci', '--no-audit', '--no-fund'], { stdio: 'inherit' });
}
