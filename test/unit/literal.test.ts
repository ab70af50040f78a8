import { describe, expect, it } from 'vitest';
import { renderParams, sqlLiteral, withSettings } from '../../src/lib/server/clickhouse/literal';

describe('sqlLiteral', () => {
	it.each([
		["it's \\ a", 'String', "'it\\'s \\\\ a'"],
		[42, 'UInt32', '42'],
		['7', 'UInt64', '7'],
		['2026-01-01 00:00:00.000', 'DateTime64(3)', "CAST('2026-01-01 00:00:00.000' AS DateTime64(3))"],
		[['a', "b'"], 'Array(String)', "CAST(['a', 'b\\''] AS Array(String))"],
		[[['x']], 'Array(Array(String))', "CAST([['x']] AS Array(Array(String)))"],
		[[], 'Array(UUID)', 'CAST([] AS Array(UUID))'],
		['1.5', 'Float64', "CAST('1.5' AS Float64)"],
		[true, 'Bool', 'CAST(true AS Bool)']
	] as const)('renders %j as %s', (value, type, sql) => {
		expect(sqlLiteral(value, type)).toBe(sql);
	});

	it('refuses what is not of the type, so nothing but a value reaches the SQL', () => {
		expect(() => sqlLiteral('1; DROP TABLE events', 'UInt32')).toThrow();
		expect(() => sqlLiteral({ a: 1 }, 'String')).toThrow();
		expect(() => sqlLiteral('x', 'Array(String)')).toThrow();
		expect(() => sqlLiteral(Number.NaN, 'Float64')).toThrow();
	});
});

describe('renderParams', () => {
	it('replaces every placeholder and refuses a missing value', () => {
		expect(renderParams('SELECT 1 WHERE t = {t:String} LIMIT {n:UInt32}', { t: 'a', n: 5 })).toBe("SELECT 1 WHERE t = 'a' LIMIT 5");
		expect(() => renderParams('SELECT {x:String}', {})).toThrow(/x/);
	});
});

describe('withSettings', () => {
	it('adds a SETTINGS clause, or extends the one the query ends with', () => {
		expect(withSettings('SELECT 1;', { a: 1, log_comment: "q'1" })).toBe("SELECT 1\nSETTINGS a = 1, log_comment = 'q\\'1'");
		expect(withSettings('SELECT 1 SETTINGS join_use_nulls = 1', { a: 1 })).toBe('SELECT 1 SETTINGS join_use_nulls = 1, a = 1');
		expect(withSettings('SELECT (SELECT 1 SETTINGS x = 1)', { a: 1 })).toBe('SELECT (SELECT 1 SETTINGS x = 1)\nSETTINGS a = 1');
		expect(() => withSettings('SELECT 1', { 'a; SET b': 1 })).toThrow();
	});
});
