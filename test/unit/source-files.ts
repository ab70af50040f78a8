import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));

function files(dir: string): string[] {
	return readdirSync(dir).flatMap((name) => {
		const path = join(dir, name);
		if (statSync(path).isDirectory()) return files(path);
		return /\.(ts|svelte)$/.test(name) ? [relative(ROOT, path)] : [];
	});
}

/** The TypeScript and Svelte files below these folders of the repository, with their text. */
export const sourceFiles = (...dirs: string[]) => dirs.flatMap((d) => files(join(ROOT, d))).map((path) => ({ path, text: readFileSync(join(ROOT, path), 'utf8') }));
