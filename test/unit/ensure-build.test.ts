import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
// @ts-expect-error a plain JavaScript script without types
import { SOURCES } from '../../scripts/ensure-build.js';

const ROOT = resolve(import.meta.dirname, '../..');

function files(dir: string): string[] {
	if (!statSync(dir).isDirectory()) return [];
	return readdirSync(dir).flatMap((f) => {
		const p = join(dir, f);
		return statSync(p).isDirectory() ? files(p) : /\.(ts|js|svelte)$/.test(f) ? [p] : [];
	});
}

/** The top-level folders a set of files imports from by relative path, and the folders those import from in turn. */
function foldersRead(start: string[]): Set<string> {
	const seen = new Set<string>();
	const queue = start.flatMap((d) => files(join(ROOT, d)));
	const done = new Set<string>();
	while (queue.length) {
		const file = queue.pop()!;
		if (done.has(file)) continue;
		done.add(file);
		for (const m of readFileSync(file, 'utf8').matchAll(/(?:from|import)\s*\(?\s*'(\.{1,2}\/[^']+)'/g)) {
			const target = resolve(dirname(file), m[1]);
			const top = relative(ROOT, target).split(/[\\/]/)[0];
			if (!seen.has(top)) {
				seen.add(top);
				queue.push(...files(join(ROOT, top)));
			}
		}
	}
	return seen;
}

describe('ensure-build', () => {
	it('watches every folder the server build reads, so npm start never runs a stale build', () => {
		const read = [...foldersRead(['src'])].filter((top) => statSync(join(ROOT, top)).isDirectory());
		expect(read).toContain('jobs');
		expect(read).toContain('clickhouse');
		for (const top of [...read, 'static']) expect(SOURCES, `${top}/ is read by the build`).toContain(top);
	});
});
