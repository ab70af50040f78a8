// A Node module hook that compiles .svelte files for server rendering. The web process and vitest
// are built by Vite, which compiles components itself; `npm run jobs` runs under tsx, which cannot,
// and the monthly report renders its email from the page's Svelte components.
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { compile } from 'svelte/compiler';

export async function load(url, context, nextLoad) {
	if (!url.startsWith('file:') || !url.endsWith('.svelte')) return nextLoad(url, context);
	const filename = fileURLToPath(url);
	const { js } = compile(await readFile(filename, 'utf8'), { generate: 'server', filename });
	return { format: 'module', source: js.code, shortCircuit: true };
}
