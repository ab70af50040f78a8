import { beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { inBackground } from '../../src/lib/server/clickhouse/lane';
import { query } from '../../src/lib/server/clickhouse/query';
import { call, ready } from './helpers';
import { POST } from '../../src/routes/api/v1/events/+server';

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

// Embedded lanes are engine sessions; a ClickHouse server runs every request in parallel itself,
// and the test server that stands in for one (test/server-mode) answers one request at a time.
describe.skipIf(!!process.env.CLICKHOUSE_URL)('the ingest lane', () => {
	it('stores events while a long query holds the background lane', async () => {
		const abort = new AbortController();
		let longDone = false;
		// A rule tick over a bulk import of history once held the background session for minutes.
		const long = inBackground(() =>
			query({ name: 'test.long', row: z.object({ x: z.unknown() }), signal: abort.signal, sql: `SELECT sleepEachRow(0.5) AS x FROM numbers(40) SETTINGS max_block_size = 1` })
		).then(
			() => (longDone = true),
			() => (longDone = true)
		);
		// Wait until the engine runs it, by asking (the interactive session is free).
		const Running = z.object({ n: z.coerce.number() });
		const running = async () => (await query({ name: 'test.running', row: Running, sql: `SELECT count() AS n FROM system.processes WHERE query LIKE '%sleepEachRow(0.5)%' AND query NOT LIKE '%system.processes%'` }))[0].n;
		while ((await running()) === 0 && !longDone);
		expect(longDone).toBe(false);
		const event = { id: randomUUID(), tenant: 'lanes', occurred_at: new Date().toISOString(), action: 'login', outcome: 'success' };
		const answer = await call(POST, '/api/v1/events', { body: [event] });
		expect(answer.status).toBe(202);
		// Stored while the background session was still busy: ingest did not queue behind it.
		expect(longDone).toBe(false);
		abort.abort();
		await long;
	});
});
