import { describe, expect, it } from 'vitest';
import { loadMigrations } from '../../clickhouse/migrate';
import { splitStatements, StatementSyntaxError } from '../../clickhouse/statements';

describe('splitStatements', () => {
	it.each([
		['one statement per `;`', 'SELECT 1; SELECT 2;', ['SELECT 1', 'SELECT 2']],
		['a last statement without `;`', 'SELECT 1;\nSELECT 2', ['SELECT 1', 'SELECT 2']],
		['a `;` inside a string literal', "CREATE TABLE a (x String DEFAULT ';');\nSELECT 1;", ["CREATE TABLE a (x String DEFAULT ';')", 'SELECT 1']],
		['a `;` at a line end inside a string literal', "SELECT 'a;\nb';\nSELECT 2", ["SELECT 'a;\nb'", 'SELECT 2']],
		['an escaped quote in a literal', "SELECT 'it\\'s; here'; SELECT 2", ["SELECT 'it\\'s; here'", 'SELECT 2']],
		['a doubled quote in a literal', "SELECT 'it''s; here'; SELECT 2", ["SELECT 'it''s; here'", 'SELECT 2']],
		['a backslash before the closing quote', "SELECT '\\\\'; SELECT 2", ["SELECT '\\\\'", 'SELECT 2']],
		['quoted identifiers', 'SELECT 1 AS "a;b", 2 AS `c;d`; SELECT 3', ['SELECT 1 AS "a;b", 2 AS `c;d`', 'SELECT 3']],
		['a comment on its own line, with its line', '-- first; not a statement\nSELECT 1;\n  -- indented; too\nSELECT 2;', ['SELECT 1', 'SELECT 2']],
		['a comment after code, up to the line end', 'SELECT 1 -- one; really\n, 2;', ['SELECT 1 \n, 2']],
		['a `#` comment', '# note; here\nSELECT 1;', ['SELECT 1']],
		['a `--` inside a literal', "SELECT '-- no comment';", ["SELECT '-- no comment'"]],
		['a block comment, nested', 'SELECT /* a; /* b; */ c; */ 1; SELECT 2', ['SELECT   1', 'SELECT 2']],
		['empty statements', ';;\n;SELECT 1;;', ['SELECT 1']],
		['a `;` in a regular expression', "SELECT match(a, '(^|[^a-z])(x;y)') FROM t;", ["SELECT match(a, '(^|[^a-z])(x;y)') FROM t"]]
	])('%s', (_, sql, expected) => {
		expect(splitStatements(sql)).toEqual(expected);
	});

	it.each([
		['an unterminated string literal', "SELECT 1;\nSELECT 'a;", /unterminated string literal starting at line 2/],
		['an unterminated quoted identifier', 'SELECT "a', /unterminated quoted identifier/],
		['an unterminated block comment', 'SELECT 1 /* a', /unterminated comment starting at line 1/]
	])('refuses %s, saying where it starts', (_, sql, message) => {
		expect(() => splitStatements(sql)).toThrow(StatementSyntaxError);
		expect(() => splitStatements(sql)).toThrow(message);
	});

	it('splits every migration into statements that start with a keyword', () => {
		for (const m of loadMigrations()) for (const s of m.statements) expect(s, `${m.version}`).toMatch(/^(CREATE|INSERT|ALTER|DROP|TRUNCATE)\b/);
	});
});
