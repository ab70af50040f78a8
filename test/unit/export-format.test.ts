import { describe, expect, it } from 'vitest';
import { parse } from 'csv-parse/sync';
import { csvCell, csvFormatter, csvRecords, csvRecordsByLibrary, jsonFormatter, ndjsonFormatter, type Formatter } from '../../src/lib/server/export/formats';
import { exportChunks, exportStream, type Page, type PageSource } from '../../src/lib/server/export/export-stream';
import { CSV_HEADER } from '../../src/lib/server/queries/events/list-export-csv-page';
import { toEventOutput, type EventDbRow } from '../../src/lib/server/queries/events/event-columns';
import type { Cursor } from '../../src/lib/server/queries/events/cursor';

const row = (i: number, over: Partial<EventDbRow> = {}): EventDbRow => ({
	id: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
	tenant: 'acme',
	occurred_at: `2026-11-20 14:${String(Math.floor(i / 60) % 60).padStart(2, '0')}:${String(i % 60).padStart(2, '0')}.123`,
	received_at: '2026-11-20 15:00:00.000',
	source: 'helpdesk',
	actor_id: `u-${i}`,
	actor_name: `User ${i}`,
	actor_email: `user${i}@company.com`,
	actor_type: 'user',
	action: 'contact_updated',
	category: 'data_change',
	outcome: 'success',
	reason: '',
	target_type: 'contact',
	target_id: String(i),
	target_name: `Contact ${i}`,
	ip: '::ffff:203.0.113.7',
	country: 'FR',
	city: 'Paris',
	user_agent: '',
	session_id: '',
	request_id: '',
	changes: i % 2 ? '{"before":{"role":"agent"},"after":{"role":"admin"}}' : '',
	changed_fields: i % 2 ? ['role'] : [],
	details: '{"note":"n"}',
	records: 0,
	bytes: 0,
	content_hash: '0'.repeat(32),
	...over
});

const csvRows = (text: string): string[][] => parse(text, { relax_column_count: false });

describe('csvCell', () => {
	it.each([
		['=1+1', "'=1+1"],
		['+x', "'+x"],
		['-x', "'-x"],
		['@x', "'@x"],
		['\tx', "'\tx"],
		['=HYPERLINK("http://evil.example","click")', `"'=HYPERLINK(""http://evil.example"",""click"")"`],
		['\uFF1D1+1', "'\uFF1D1+1"],
		// Every cell is text, so a negative number is neutralised too (documented in formats.ts).
		['-5', "'-5"]
	])('neutralises a cell a spreadsheet would run: %j', (cell, written) => {
		expect(csvCell(cell)).toBe(written);
	});

	it('quotes a cell starting with a carriage return after neutralising it', () => {
		expect(csvCell('\rx')).toBe(`"'\rx"`);
	});

	it.each([
		['say "hi"', '"say ""hi"""'],
		['a,b', '"a,b"'],
		['line\nbreak', '"line\nbreak"'],
		['cr\r\nlf', '"cr\r\nlf"']
	])('quotes %j as RFC 4180 asks', (cell, written) => {
		expect(csvCell(cell)).toBe(written);
	});

	it.each(['plain', '', 'João Silva', '東京 🙂', 'a=b', 'x-y', '1+1', '<script>alert(1)</script>'])('leaves %j as it is', (cell) => {
		expect(csvCell(cell)).toBe(cell);
	});
});

describe('csvRecords', () => {
	const tricky = ['=1+1', '+x', '-x', '@x', '\tx', '\rx', '"', '""', ',', '\n', '\r', '\r\n', 'é', '🙂', ' =x', "'", '\uFF20', '', 'a b'];

	it('writes exactly what csv-stringify writes alone, for tricky and random cells', () => {
		const alphabet = ['a', '=', '+', '-', '@', '\t', '\r', '\n', '"', ',', ' ', 'é', '🙂', '\\', "'", ';', '\uFF0B', '\uFF1D', '\uFF0D', '\uFF20'];
		let seed = 7;
		const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31);
		const random = Array.from({ length: 2000 }, () => Array.from({ length: 1 + (next() % 6) }, () => Array.from({ length: next() % 8 }, () => alphabet[next() % alphabet.length]).join('')));
		const cells = [tricky, ...random];
		expect(csvRecords(cells)).toBe(csvRecordsByLibrary(cells));
	});

	it('reads back through a CSV parser as the same cells, formulas behind a quote mark', () => {
		const parsed = csvRows(csvRecords([tricky]));
		expect(parsed).toEqual([tricky.map((c) => (/^[=+\-@\t\r\uFF20]/.test(c) ? `'${c}` : c))]);
	});

	it('ends every record with CRLF', () => {
		expect(csvRecords([['a', 'b'], ['c', 'd']])).toBe('a,b\r\nc,d\r\n');
	});
});

describe('csvFormatter', () => {
	it('writes the header and then each record as the engine wrote it, CRLF after each', () => {
		const f = csvFormatter();
		const cells = CSV_HEADER.map((h) => `${h} value`);
		const hostile = CSV_HEADER.map((h, i) => (i % 2 ? `=${h}` : `"${h}",\n`));
		// What the engine sends: the record as csv-stringify would write it (export-csv-cells holds the two equal).
		const line = (c: string[]) => csvRecords([c]).slice(0, -2);
		const text = f.head() + f.rows([line(cells), line(hostile)]) + f.tail();
		expect(csvRows(text)).toEqual([[...CSV_HEADER], cells, hostile.map((c) => (c.startsWith('=') ? `'${c}` : c))]);
		expect(CSV_HEADER.slice(0, 8)).toEqual(['time', 'tenant', 'source', 'user_id', 'user_email', 'user_name', 'user_type', 'action']);
		expect(CSV_HEADER.slice(-5)).toEqual(['records', 'bytes', 'content_hash', 'event_id', 'received_at']);
	});

	it('writes only the header for an empty set', () => {
		const f = csvFormatter();
		expect(csvRows(f.head() + f.tail())).toEqual([[...CSV_HEADER]]);
	});
});

const whole = <Row>(f: Formatter<Row>, pages: Row[][]) => f.head() + pages.map((p) => f.rows(p)).join('') + f.tail();

describe('jsonFormatter', () => {
	it('writes a valid empty array for no events', () => {
		const text = whole(jsonFormatter(), []);
		expect(JSON.parse(text)).toEqual([]);
		expect(whole(jsonFormatter(), [[], []])).toBe('[]\n');
	});

	it('writes one event as an array of one, in the API shape', () => {
		expect(JSON.parse(whole(jsonFormatter(), [[row(1)]]))).toEqual([toEventOutput(row(1))]);
	});

	it('writes many events over many pages as one array, in order', () => {
		const rows = Array.from({ length: 2500 }, (_, i) => row(i));
		const pages = [rows.slice(0, 1000), [], rows.slice(1000, 1001), rows.slice(1001)];
		const parsed = JSON.parse(whole(jsonFormatter(), pages)) as { id: string; ip: string }[];
		expect(parsed).toHaveLength(2500);
		expect(parsed.map((e) => e.id)).toEqual(rows.map((r) => r.id));
		expect(parsed[0]).toEqual(toEventOutput(rows[0]));
		expect(parsed[0].ip).toBe('203.0.113.7');
	});
});

describe('ndjsonFormatter', () => {
	it('writes one API-shaped event per line and nothing for no events', () => {
		const rows = [row(1), row(2, { details: '{"html":"<b>x</b>","line":"a\\nb"}' }), row(3)];
		const text = whole(ndjsonFormatter(), [rows.slice(0, 2), rows.slice(2)]);
		const lines = text.split('\n');
		expect(lines.pop()).toBe('');
		expect(lines.map((l) => JSON.parse(l))).toEqual(rows.map(toEventOutput));
		expect(whole(ndjsonFormatter(), [])).toBe('');
	});
});

/** A fake store: `total` rows newest first, paged by keyset on their position. */
function fakeSource(total: number) {
	const calls: (Cursor | null)[] = [];
	const rows = Array.from({ length: total }, (_, i) => row(i));
	const source: PageSource<EventDbRow> = async (after, limit, signal) => {
		calls.push(after);
		await new Promise((r) => setTimeout(r, 1));
		signal.throwIfAborted();
		const start = after ? rows.findIndex((r) => r.id === after.id) + 1 : 0;
		const page = rows.slice(start, start + limit);
		const last = page[page.length - 1];
		return { rows: page, last: last ? { at: last.occurred_at, id: last.id } : null } satisfies Page<EventDbRow>;
	};
	return { calls, rows, source };
}

describe('exportChunks', () => {
	it('reads every page by keyset and stops at the first short one', async () => {
		const { calls, rows, source } = fakeSource(25);
		let text = '';
		for await (const chunk of exportChunks(source, ndjsonFormatter(), { pageSize: 10, chunkRows: 3 })) text += chunk;
		expect(text.trimEnd().split('\n').map((l) => JSON.parse(l).id)).toEqual(rows.map((r) => r.id));
		expect(calls).toEqual([null, { at: rows[9].occurred_at, id: rows[9].id }, { at: rows[19].occurred_at, id: rows[19].id }]);
	});

	it('asks one more time when the set ends exactly on a page boundary', async () => {
		const { calls, source } = fakeSource(20);
		const chunks: string[] = [];
		for await (const chunk of exportChunks(source, jsonFormatter(), { pageSize: 10 })) chunks.push(chunk);
		expect(JSON.parse(chunks.join(''))).toHaveLength(20);
		expect(calls).toHaveLength(3);
	});
});

describe('exportStream', () => {
	it('reads ahead at most one page while nobody reads, and no page after a cancel', async () => {
		const { calls, source } = fakeSource(100);
		const stream = exportStream(source, ndjsonFormatter(), { pageSize: 10, chunkRows: 5 });
		const reader = stream.getReader();
		const first = await reader.read();
		expect(new TextDecoder().decode(first.value).trimEnd().split('\n')).toHaveLength(5);
		await new Promise((r) => setTimeout(r, 30));
		expect(calls).toHaveLength(2);
		await reader.cancel();
		await new Promise((r) => setTimeout(r, 30));
		expect(calls).toHaveLength(2);
	});

	it('stops when the signal aborts and ends the stream instead of hanging a read', async () => {
		const { calls, source } = fakeSource(100);
		const abort = new AbortController();
		const reader = exportStream(source, ndjsonFormatter(), { pageSize: 10, signal: abort.signal }).getReader();
		await reader.read();
		abort.abort();
		await expect(
			(async () => {
				for (;;) if ((await reader.read()).done) return;
			})()
		).rejects.toBeDefined();
		expect(calls.length).toBeLessThanOrEqual(3);
	});

	it('errors the stream when a page cannot be read, and says so', async () => {
		const failures: unknown[] = [];
		const source: PageSource<EventDbRow> = async (after) => {
			if (after) throw new Error('engine went away');
			return { rows: [row(1), row(2)], last: { at: row(2).occurred_at, id: row(2).id } };
		};
		const reader = exportStream(source, jsonFormatter(), { pageSize: 2, onError: (e) => failures.push(e) }).getReader();
		await expect(
			(async () => {
				for (;;) if ((await reader.read()).done) return;
			})()
		).rejects.toThrow('engine went away');
		expect(failures).toHaveLength(1);
	});
});
