import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { query } from '../../src/lib/server/clickhouse/query';
import { csvRecordsByLibrary } from '../../src/lib/server/export/formats';
import { csvRecordSql } from '../../src/lib/server/queries/events/list-export-csv-page';
import { ready } from './helpers';

// The CSV export's records are written by the engine; they must be byte for byte what
// csv-stringify writes with the export's options (quoting, doubled quotes, formula escaping).
const WIDTH = 6;
const tricky = ['=1+1', '+x', '-x', '@x', '\tx', '\rx', '"', '""', ',', '\n', '\r', '\r\n', 'é', '🙂', ' =x', "'", '\uFF20', '', 'a b', '\\', '\\n', '\uFF1Dx', '\uFF0B', '\uFF0D-', 'x\ty', '\0'];
const alphabet = ['a', '=', '+', '-', '@', '\t', '\r', '\n', '"', ',', ' ', 'é', '🙂', '\\', "'", ';', '\uFF0B', '\uFF1D', '\uFF0D', '\uFF20', '東'];

async function engineRecords(rows: string[][]): Promise<string[]> {
	const cells = Array.from({ length: WIDTH }, (_, i) => `r[${i + 1}]`);
	const out = await query({
		name: 'test.csvRecords',
		row: z.object({ n: z.coerce.number(), rec: z.string() }),
		params: { rows },
		sql: `SELECT n, ${csvRecordSql(cells)} AS rec
			FROM (SELECT arrayJoin(arrayZip(range(length({rows:Array(Array(String))})), {rows:Array(Array(String))})) AS t, t.1 AS n, t.2 AS r)
			ORDER BY n`
	});
	return out.map((r) => r.rec);
}

describe('CSV records written by the engine', () => {
	it('equal csv-stringify on tricky and random cells', async () => {
		await ready();
		let seed = 11;
		const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31);
		const random = Array.from({ length: 1500 }, () => Array.from({ length: WIDTH }, () => Array.from({ length: next() % 8 }, () => alphabet[next() % alphabet.length]).join('')));
		const trickyRows = Array.from({ length: Math.ceil(tricky.length / WIDTH) }, (_, i) => Array.from({ length: WIDTH }, (_, j) => tricky[i * WIDTH + j] ?? ''));
		const rows = [...trickyRows, ...random, tricky.slice(0, WIDTH).reverse()];
		const got = await engineRecords(rows);
		const want = rows.map((r) => csvRecordsByLibrary([r]).slice(0, -2));
		for (let i = 0; i < rows.length; i++) expect(got[i], JSON.stringify(rows[i])).toBe(want[i]);
	});
});
