import type { EventFilter } from '../../../schemas/event-filter';
import { getLaneClient } from '../../clickhouse/client';
import { currentLane } from '../../clickhouse/lane';
import { prepareStatement, StoreError } from '../../clickhouse/query';
import { toChTime } from '../../clickhouse/time';
import { encodeCursor, type Cursor } from './cursor';
import { EXPORT_CATEGORY } from '../event-kinds';
import { buildEventWhere, type TenantScope } from './event-where';
import { LAZY_PAGE, type ExportPageOptions } from './list-export-page';

const iso = (col: string) => `concat(replaceOne(toString(${col}), ' ', 'T'), 'Z')`;

// The API shows records and bytes on exports only (event-columns.ts); so does the CSV.
const exportFigure = (col: string) => `if(${EXPORT_CATEGORY}, toString(${col}), '')`;

/**
 * The CSV export's columns, in order: the header, and the SQL that writes the cell as text the
 * way the API shows the field (ISO times in UTC, IPv4 without its ::ffff: prefix, '' for none).
 * Every field of the JSON export has its column (docs/api.md, GET /api/v1/events/export, lists them in this order).
 */
export const CSV_CELLS = [
	['time', iso('occurred_at')],
	['tenant', 'tenant'],
	['source', 'source'],
	['user_id', 'actor_id'],
	['user_email', 'actor_email'],
	['user_name', 'actor_name'],
	['user_type', 'actor_type'],
	['action', 'action'],
	['category', 'category'],
	['result', 'toString(outcome)'],
	['target_type', 'target_type'],
	['target_id', 'target_id'],
	['target_name', 'target_name'],
	['ip', `if(ip = toIPv6('::'), '', replaceRegexpOne(IPv6NumToString(ip), '^::ffff:(\\\\d+\\\\.\\\\d+\\\\.\\\\d+\\\\.\\\\d+)$', '\\\\1'))`],
	['country', 'country'],
	['city', 'city'],
	['user_agent', 'user_agent'],
	['reason', 'reason'],
	['session_id', 'session_id'],
	['request_id', 'request_id'],
	['changed_fields', `arrayStringConcat(changed_fields, '; ')`],
	// JSON text as sent (re-serialised at ingest), '' when absent.
	['details', 'details'],
	['changes', 'changes'],
	['records', exportFigure('records')],
	['bytes', exportFigure('bytes')],
	['content_hash', 'content_hash'],
	['event_id', 'toString(id)'],
	['received_at', iso('received_at')]
] as const;

export const CSV_HEADER: readonly string[] = CSV_CELLS.map(([name]) => name);

/**
 * One cell as csv-stringify writes it with the export's options (formats.ts), in SQL: a formula
 * start (= + - @ tab CR and their full-width forms) gets a leading single quote, quotes are
 * doubled, and a cell holding a quote, comma, CR or LF is quoted. Empty stays empty. An
 * integration test holds it equal to the library on tricky and random cells.
 */
const FORMULA_START = `has(['=', '+', '-', '@', '\\t', '\\r', '\uFF1D', '\uFF0B', '\uFF0D', '\uFF20'], substringUTF8(c, 1, 1))`;
const CELL = `c -> if(multiSearchAny(c, ['"', ',', '\\r', '\\n']), concat('"', concat(if(${FORMULA_START}, '\\'', ''), replaceAll(c, '"', '""')), '"'), concat(if(${FORMULA_START}, '\\'', ''), c))`;

/** The SQL of one CSV record (without its CRLF) over a row's cells. */
export const csvRecordSql = (cells: readonly string[]) => `arrayStringConcat(arrayMap(${CELL}, [${cells.map((c) => `CAST(${c} AS String)`).join(', ')}]), ',')`;

const CSV_RECORD = csvRecordSql(CSV_CELLS.map(([, sql]) => sql));

/** What a page query answers: each event's keyset and its CSV record, by name, not by position in the record. */
type PageRow = [at: string, id: string, record: string];

/** The page's rows, checked by hand: the export's hot path, where a zod schema per row is a cost worth avoiding. */
function pageRows(data: unknown): PageRow[] {
	const ok = Array.isArray(data) && data.every((r) => Array.isArray(r) && r.length === 3 && typeof r[0] === 'string' && typeof r[1] === 'string' && typeof r[2] === 'string');
	if (!ok) throw new Error('the page is not rows of (time, id, record) text');
	return data as PageRow[];
}

/**
 * One page of the CSV export, newest first by keyset on (occurred_at, id): each event as its CSV
 * record (without the CRLF), written by the engine. Building the records in Node cost ~15 µs an
 * event (splitting, unescaping and quoting 28 cells), most of an export's time; in the engine it
 * is a fraction of the read. The page comes as one JSON document (one parse, no unescaping of
 * our own), and the next page's keyset is read from its own columns.
 */
export async function listExportCsvPage(scope: TenantScope, filter: EventFilter, now: Date, o: ExportPageOptions): Promise<{ rows: string[]; last: Cursor | null }> {
	const name = 'events.listExportCsvPage';
	const where = buildEventWhere({ ...filter, cursor: o.after ? encodeCursor(o.after) : undefined }, scope, now, { actorOnly: o.actorOnly });
	const lane = currentLane();
	let page: PageRow[];
	try {
		const client = await getLaneClient(lane);
		// Named apart from the columns: an alias `id` would stand for the String in WHERE's keyset test.
		const sql = `SELECT toString(occurred_at) AS key_at, toString(id) AS key_id, ${CSV_RECORD} AS record FROM events
				WHERE ${where.sql}
				  AND received_at < {receivedBefore:DateTime64(3)}
				ORDER BY occurred_at DESC, id DESC
				LIMIT {limit:UInt32}`;
		const params = { ...where.params, receivedBefore: toChTime(o.receivedBefore), limit: o.limit };
		const rs = await client.query({ ...prepareStatement(sql, params, { log_comment: name, ...LAZY_PAGE(o.limit) }, lane), format: 'JSONCompact', abort_signal: o.signal });
		page = pageRows((await rs.json<{ data: unknown }>()).data);
	} catch (e) {
		throw new StoreError(name, e);
	}
	const last = page.at(-1);
	return { rows: page.map((r) => r[2]), last: last ? { at: last[0], id: last[1] } : null };
}
