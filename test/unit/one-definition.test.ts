import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import * as K from '../../src/lib/server/queries/event-kinds';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const HOME = 'src/lib/server/queries/event-kinds.ts';
/** The one module besides HOME allowed to compose predicates: it renders the views from them. */
const RENDERER = 'src/lib/server/queries/kind-views.ts';

function files(dir: string): string[] {
	return readdirSync(dir).flatMap((name) => {
		const path = join(dir, name);
		if (statSync(path).isDirectory()) return files(path);
		return /\.(ts|svelte)$/.test(name) ? [relative(ROOT, path)] : [];
	});
}
const SOURCES = files(join(ROOT, 'src')).map((path) => ({ path, text: readFileSync(join(ROOT, path), 'utf8') }));

/** Ways a second definition of a kind or of a rule's threshold has been written before (issue 10). */
const SECOND_DEFINITIONS: [RegExp, string][] = [
	[/category\s*(=|!=|IN)\s*\(?\s*'/, "an SQL test of the category (a kind's predicate)"],
	[/match\(action_key/, 'a pattern over action names'],
	[/JSONHas\(changes/, 'the "gone" test of deletions'],
	[/JSONExtractRaw\(details, 'count'\)/, 'the deleted-items measure'],
	[/category:\s*\[\s*'/, 'a kind written as a timeline filter'],
	[/events\(\{\s*category/, 'a kind written as a link filter'],
	[/\b(MASS_DELETION_ITEMS|BURST_ITEMS|UNUSUAL_FACTOR|UNUSUAL_MIN_RECORDS|BASELINE_DAYS)\b/, "a copy of a rule's threshold"],
	[/\d+ items (removed|deleted) by one|within a quarter hour|above \d+× that/, "a rule's threshold written into a text"]
];

const hits = (text: string, pattern: RegExp) => text.split('\n').filter((line) => pattern.test(line));

describe('one definition of each kind of event (event-kinds.ts)', () => {
	it.each(SECOND_DEFINITIONS)('nothing outside event-kinds.ts writes %s (%s)', (pattern) => {
		const found = SOURCES.filter((f) => f.path !== HOME && f.path !== RENDERER).flatMap((f) => hits(f.text, pattern).map((line) => `${f.path}: ${line.trim()}`));
		expect(found).toEqual([]);
	});

	it('the scan sees the definitions themselves (so an empty result means something)', () => {
		const home = readFileSync(join(ROOT, HOME), 'utf8');
		for (const [pattern, what] of SECOND_DEFINITIONS.slice(0, 4)) expect(hits(home, pattern).length, what).toBeGreaterThan(0);
		expect(SOURCES.length).toBeGreaterThan(100);
	});

	it('no module holds a copy of a predicate text', () => {
		const texts = Object.entries(K).filter((e): e is [string, string] => typeof e[1] === 'string' && e[1].length > 30);
		expect(texts.map(([name]) => name)).toEqual(expect.arrayContaining(['FAILED_SIGN_IN', 'SIGN_IN', 'EXPORT', 'DELETION', 'DELETED_ITEMS', 'PRIVILEGE_CHANGE', 'PRIVILEGE_ELEVATION', 'CONFIG_CHANGE']));
		const copies = SOURCES.filter((s) => s.path !== HOME).flatMap((f) => texts.filter(([, text]) => f.text.includes(text)).map(([name]) => `${f.path} copies ${name}`));
		expect(copies).toEqual([]);
	});
});
