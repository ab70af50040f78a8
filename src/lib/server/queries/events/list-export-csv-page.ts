import type { EventFilter } from '../../../schemas/event-filter';
import { getClickHouse } from '../../clickhouse/client';
import { StoreError } from '../../clickhouse/query';
import { toChTime } from '../../ingest/prepare';
import { encodeCursor, type Cursor } from './cursor';
import { buildEventWhere, type TenantScope } from './event-where';
import { LAZY_PAGE, type ExportPageOptions } from './list-export-page';

const iso = (col: string) => `concat(replaceOne(toString(${col}), ' ', 'T'), 'Z')`;

/**
 * The CSV export's columns, in order: the header, and the SQL that writes the cell as text the
 * way the API shows the field (ISO times in UTC, IPv4 without its ::ffff: prefix, '' for none).
 */
export const CSV_CELLS = [
	['time', iso('occurred_at')],
	['tenant', 'tenant'],
	['user_id', 'actor_id'],
	['user_email', 'actor_email'],
	['user_name', 'actor_name'],
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
	['event_id', 'toString(id)'],
	['received_at', iso('received_at')]
] as const;

export const CSV_HEADER: readonly string[] = CSV_CELLS.map(([name]) => name);
const TIME = CSV_HEADER.indexOf('time');
const ID = CSV_HEADER.indexOf('event_id');

// TabSeparated escapes these with a backslash; nothing else in a text value is changed.
const TSV_ESCAPES: Record<string, string> = { b: '\b', f: '\f', r: '\r', n: '\n', t: '\t', '0': '\0', "'": "'", '\\': '\\' };
const unescapeTsv = (s: string) => s.replace(/\\([\s\S])/g, (_, c: string) => TSV_ESCAPES[c] ?? c);

/**
 * The cells of one TabSeparated line, checked to be every column. The cells are strings by
 * construction, so their count is what there is to check (a zod schema per row would double the
 * cost of this step, the hottest of an export).
 */
export function tsvCells(line: string, columns: number = CSV_CELLS.length): string[] {
	const cells = line.split('\t');
	if (cells.length !== columns) throw new Error(`a row came back with ${cells.length} cells instead of ${columns}`);
	for (let i = 0; i < cells.length; i++) if (cells[i].includes('\\')) cells[i] = unescapeTsv(cells[i]);
	return cells;
}

/**
 * One page of the CSV export, newest first by keyset on (occurred_at, id): each event as one
 * TabSeparated line of its CSV cells, computed by the engine; split them with tsvCells. Reading
 * that is a fraction of the cost of JSON rows turned into objects, the largest cost of an export
 * (measured: 20k rows in ~75 ms against ~280 ms). Lines are split one at a time as they are
 * written, so a page holds 20k strings rather than 460k cells (garbage collection dominated).
 */
export async function listExportCsvPage(scope: TenantScope, filter: EventFilter, now: Date, o: ExportPageOptions): Promise<{ rows: string[]; last: Cursor | null }> {
	const name = 'events.listExportCsvPage';
	const where = buildEventWhere({ ...filter, cursor: o.after ? encodeCursor(o.after) : undefined }, scope, now, { actorOnly: o.actorOnly });
	const client = await getClickHouse();
	let rows: string[];
	try {
		const rs = await client.query({
			query: `SELECT ${CSV_CELLS.map(([alias, sql]) => `${sql} AS ${alias}`).join(', ')} FROM events
				WHERE ${where.sql}
				  AND received_at < {receivedBefore:DateTime64(3)}
				ORDER BY occurred_at DESC, id DESC
				LIMIT {limit:UInt32}`,
			query_params: { ...where.params, receivedBefore: toChTime(o.receivedBefore), limit: o.limit },
			format: 'TabSeparated',
			abort_signal: o.signal,
			// The cells are aliased like columns (ip, changed_fields); WHERE and ORDER BY mean the columns.
			clickhouse_settings: { log_comment: name, prefer_column_name_to_alias: 1, ...LAZY_PAGE(o.limit) }
		});
		rows = (await rs.text()).split('\n');
		if (rows[rows.length - 1] === '') rows.pop();
	} catch (e) {
		throw new StoreError(name, e);
	}
	const tail = rows.length ? tsvCells(rows[rows.length - 1]) : null;
	return { rows, last: tail ? { at: tail[TIME].slice(0, -1).replace('T', ' '), id: tail[ID] } : null };
}
