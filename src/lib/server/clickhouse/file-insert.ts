import { randomUUID } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { open, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setImmediate as yieldToEvents } from 'node:timers/promises';
import { z } from 'zod';
import { getConfig } from '../config';
import { getLaneClient } from './client';
import { bulkLane } from './lane';
import { sqlLiteral } from './literal';

/**
 * Embedded inserts go through a temporary file that the engine reads with `INSERT ... SELECT FROM
 * file(path, 'JSONCompactEachRow', structure)`. The engine parses a file several times faster
 * than the same bytes handed over inline (chdb's rawInsert: ~1.6 s for 100k events against
 * ~0.3 s), its parse cost grows with the batch only linearly, and the file is written in slices
 * with the event loop free in between, where building one payload blocked it for ~1.2 s a 100k
 * rows. JSON stays the format: the engine refuses a lone UTF-16 surrogate in it (escaped by
 * JSON.stringify), which the poison-event tests rely on, where a text format would store U+FFFD.
 */

const SLICE_ROWS = 2_000;
const ColumnRow = z.object({ name: z.string(), type: z.string() });
const structures = new Map<string, Map<string, string>>();

async function columnTypes(table: string): Promise<Map<string, string>> {
	const key = `${getConfig().clickhouse.database}.${table}`;
	const known = structures.get(key);
	if (known) return known;
	const client = await getLaneClient(bulkLane());
	const rs = await client.query({
		query: `SELECT name, type FROM system.columns WHERE database = currentDatabase() AND table = ${sqlLiteral(table, 'String')} ORDER BY position`,
		format: 'JSONEachRow'
	});
	const types = new Map((await rs.json()).map((r) => ColumnRow.parse(r)).map((c) => [c.name, c.type] as const));
	if (types.size === 0) throw new Error(`no table ${table}`);
	structures.set(key, types);
	return types;
}

/** Forgets the tables' column types (after a migration changed them). */
export const forgetStructures = () => structures.clear();

let dir: string | undefined;
function tempDir(): string {
	if (!dir) {
		dir = join(tmpdir(), `trailscope-insert-${process.pid}`);
		mkdirSync(dir, { recursive: true });
	}
	return dir;
}

/** Runs `work` with `text` in a temporary file the engine can read with file(path, ...); removes it after. */
export async function withTempFile<T>(text: string, work: (path: string) => Promise<T>): Promise<T> {
	const path = join(tempDir(), `${randomUUID()}.txt`);
	try {
		await writeFile(path, text);
		return await work(path);
	} finally {
		await rm(path, { force: true });
	}
}

/** Writes the rows as JSONCompactEachRow, a slice at a time, yielding to the event loop between slices. */
async function writeRows(path: string, columns: string[], rows: readonly object[]): Promise<void> {
	const fh = await open(path, 'w');
	try {
		for (let start = 0; start < rows.length; start += SLICE_ROWS) {
			let text = '';
			for (const row of rows.slice(start, start + SLICE_ROWS)) {
				const r = row as Record<string, unknown>;
				text += JSON.stringify(columns.map((c) => r[c])) + '\n';
			}
			await fh.write(text);
			if (start + SLICE_ROWS < rows.length) await yieldToEvents();
		}
	} finally {
		await fh.close();
	}
}

/** Inserts rows (objects keyed by column name, all with the first row's keys) into `table` as one statement. */
export async function insertThroughFile(table: string, rows: readonly object[], run: (sql: string) => Promise<void>): Promise<void> {
	const types = await columnTypes(table);
	const columns = Object.keys(rows[0]);
	const structure = columns
		.map((c) => {
			const type = types.get(c);
			if (!type) throw new Error(`${table} has no column ${c}`);
			return `${c} ${type}`;
		})
		.join(', ');
	const path = join(tempDir(), `${randomUUID()}.jsonl`);
	try {
		await writeRows(path, columns, rows);
		// async_insert is on by default in chdb's build; off, the statement returns once the rows are
		// in their parts (and large inserts are ~1.3x faster).
		await run(
			`INSERT INTO ${table} (${columns.join(', ')}) SELECT * FROM file(${sqlLiteral(path, 'String')}, 'JSONCompactEachRow', ${sqlLiteral(structure, 'String')}) SETTINGS async_insert = 0`
		);
	} finally {
		await rm(path, { force: true });
	}
}
