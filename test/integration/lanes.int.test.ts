import { beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { inBackground } from '../../src/lib/server/clickhouse/lane';
import { query } from '../../src/lib/server/clickhouse/query';
import { ready } from './helpers';

// The background lane sends plain SQL with the values rendered as literals (literal.ts); it must
// answer exactly what the bound query answers on the interactive lane.
const Row = z.object({ s: z.string(), n: z.string(), t: z.string(), a: z.string(), u: z.string(), d: z.string(), b: z.string(), f: z.string() });
const params = {
	s: "it's a \\ back'slash\n\ttab, 'quoted' {x:String} ünïcode",
	n: 4294967295,
	t: '2026-11-20 14:30:25.123',
	a: ['a', "b'", 'c\\'],
	u: [randomUUID(), randomUUID()],
	d: '2026-02-28',
	b: true,
	f: '2.5'
};
const sql = `SELECT {s:String} AS s, toString({n:UInt32}) AS n, toString({t:DateTime64(3)}) AS t, toString({a:Array(String)}) AS a,
	toString({u:Array(UUID)}) AS u, toString({d:Date}) AS d, toString({b:Bool}) AS b, toString({f:Float64}) AS f`;

beforeAll(ready);

describe('the background lane', () => {
	it('answers what the bound query answers, for every parameter type the app uses', async () => {
		const bound = await query({ name: 'test.bound', row: Row, params, sql });
		const plain = await inBackground(() => query({ name: 'test.plain', row: Row, params, sql }));
		expect(plain).toEqual(bound);
		expect(plain[0].s).toBe(params.s);
	});

	it('keeps a statement too long for the engine as literals bound instead (thousands of ids)', async () => {
		const ids = Array.from({ length: 20_000 }, () => randomUUID());
		const rows = await inBackground(() => query({ name: 'test.manyIds', row: z.object({ n: z.coerce.number() }), params: { ids }, sql: 'SELECT length({ids:Array(UUID)}) AS n' }));
		expect(rows).toEqual([{ n: 20_000 }]);
	});
});
