import { stringify } from 'csv-stringify/sync';
import { toEventOutput, type EventDbRow } from '../queries/events/event-columns';
import { CSV_HEADER } from '../queries/events/list-export-csv-page';

export const EXPORT_FORMATS = ['csv', 'ndjson', 'json'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export const isExportFormat = (s: string): s is ExportFormat => (EXPORT_FORMATS as readonly string[]).includes(s);

export const CONTENT_TYPES: Record<ExportFormat, string> = {
	csv: 'text/csv; charset=utf-8',
	ndjson: 'application/x-ndjson',
	json: 'application/json'
};

/** Turns pages of rows into the text of one export file; one instance per file. */
export interface Formatter<Row> {
	/** Written first, even when the set is empty. */
	head(): string;
	rows(rows: readonly Row[]): string;
	/** Written last; what closes the file may depend on whether any row was written. */
	tail(): string;
}

const CSV_OPTIONS = {
	record_delimiter: 'windows',
	// Given a record delimiter, csv-stringify quotes only cells holding that whole delimiter; a
	// lone \n or \r in a cell must be quoted too, or the cell splits into two records.
	quote_record_delimiter: true,
	// OWASP CSV injection: a cell starting with = + - @ tab or CR (or their full-width forms) gets a
	// leading single quote, so a spreadsheet shows it as text instead of running it. Every cell here
	// is text, numbers included (ids, names), so a plain "-5" is written '-5 too: no cell is exempt.
	escape_formulas: true
} as const;

/** What csv-stringify changes in a text cell: quotes, delimiters and line breaks, or a formula start. */
const NOT_PLAIN = /[",\r\n]|^[=+\-@\t\uFF1D\uFF0B\uFF0D\uFF20]/;

// Cells that need csv-stringify repeat a lot (user agents, common details and changes); the
// library costs about 1.5 µs a call, a lookup a tenth of that. Bounded, and shared: the same text
// always gives the same cell.
const written = new Map<string, string>();
const MEMO_ENTRIES = 10_000;
const MEMO_CHARS = 1_024;

/**
 * One cell as csv-stringify writes it. A plain cell (most of them) is written as is, which is what
 * csv-stringify does with it too, without its per-cell cost (alone it formats about 70k rows of 23
 * cells a second here, too slow for an export); every other cell goes through csv-stringify, so quoting
 * and formula escaping are entirely its own. A unit test holds the two ways equal.
 */
export function csvCell(text: string): string {
	if (!NOT_PLAIN.test(text)) return text;
	let cell = written.get(text);
	if (cell === undefined) {
		// A record of that one cell, without its record delimiter.
		cell = stringify([[text]], CSV_OPTIONS).slice(0, -2);
		if (text.length <= MEMO_CHARS) {
			if (written.size >= MEMO_ENTRIES) written.clear();
			written.set(text, cell);
		}
	}
	return cell;
}

/** One CSV record (RFC 4180: quoted where needed, CRLF line end), formulas neutralised. */
export function csvRecord(cells: readonly string[]): string {
	const out = new Array<string>(cells.length);
	for (let i = 0; i < cells.length; i++) out[i] = csvCell(cells[i]);
	return `${out.join(',')}\r\n`;
}

export const csvRecords = (rows: readonly (readonly string[])[]) => rows.map(csvRecord).join('');

/** The same records written by csv-stringify alone, for the test that keeps csvRecords equal to it. */
export const csvRecordsByLibrary = (cells: readonly (readonly string[])[]) => stringify(cells as string[][], CSV_OPTIONS);

/** CSV over the records of listExportCsvPage (written by the engine), a header row first. */
export const csvFormatter = (): Formatter<string> => ({
	head: () => csvRecords([CSV_HEADER]),
	rows: (records) => {
		let out = '';
		for (const record of records) out += `${record}\r\n`;
		return out;
	},
	tail: () => ''
});

/** One API-shaped event per line. */
export const ndjsonFormatter = (): Formatter<EventDbRow> => ({
	head: () => '',
	rows: (rows) => rows.map((r) => `${JSON.stringify(toEventOutput(r))}\n`).join(''),
	tail: () => ''
});

/** A JSON array of API-shaped events written element by element: `[`, events, `]`; `[]` when empty. */
export function jsonFormatter(): Formatter<EventDbRow> {
	let written = 0;
	return {
		head: () => '[',
		rows: (rows) => rows.map((r) => `${written++ === 0 ? '\n' : ',\n'}${JSON.stringify(toEventOutput(r))}`).join(''),
		tail: () => (written > 0 ? '\n]\n' : ']\n')
	};
}
