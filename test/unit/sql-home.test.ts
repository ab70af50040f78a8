import { describe, expect, it } from 'vitest';
import { sourceFiles } from './source-files';

/** Where SQL may be written (ARCHITECTURE: named queries, the gateway, and rules compiled to SQL). */
const HOMES = [/^src\/lib\/server\/queries\//, /^src\/lib\/server\/clickhouse\//, /^src\/lib\/server\/rules\/compile[\w-]*\.ts$/];
const STATEMENT = /\b(SELECT\s[\s\S]{0,400}?\bFROM\s+[a-z_]+|INSERT\s+INTO|ALTER\s+TABLE|OPTIMIZE\s+TABLE|CREATE\s+(TABLE|VIEW)|DROP\s+TABLE)\b/;

describe('SQL lives in queries/ and the gateway', () => {
	const sources = sourceFiles('src', 'jobs');
	const text = (path: string) => sources.find((f) => f.path === path)?.text;

	it('no other module writes a statement', () => {
		const found = sources.filter((f) => !HOMES.some((h) => h.test(f.path)) && STATEMENT.test(f.text)).map((f) => f.path);
		expect(found).toEqual([]);
	});

	it('the scan recognises the statements of a query module (so an empty result means something)', () => {
		expect(text('src/lib/server/queries/users/list-users.ts')).toMatch(STATEMENT);
		expect(text('src/lib/server/queries/settings/insert-setting.ts')).toMatch(STATEMENT);
	});
});
