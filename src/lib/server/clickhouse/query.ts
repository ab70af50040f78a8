import type { z } from 'zod';
import { getLaneClient, storeKind } from './client';
import { insertThroughFile } from './file-insert';
import { bulkLane, currentLane, type Lane } from './lane';
import { renderParams, withSettings, type Settings } from './literal';

export interface QuerySpec<Row extends z.ZodType> {
	/** Sent as log_comment so system.query_log tells which code ran a query. */
	name: string;
	sql: string;
	params?: Record<string, unknown>;
	row: Row;
	settings?: Settings;
	signal?: AbortSignal;
	/** The lane to run on; by default the caller's (see lane.ts). */
	lane?: Lane;
}

export class StoreError extends Error {
	constructor(
		readonly queryName: string,
		cause: unknown
	) {
		super(`${queryName}: ${cause instanceof Error ? cause.message : String(cause)}`, { cause });
	}
}

/**
 * The statement as sent, and its bound parameters: settings in a SETTINGS clause (chdb/connection
 * would turn `clickhouse_settings` into session SETs that stay), and on the embedded engine's
 * other lanes the values rendered as literals (bound queries of every session wait on one chain).
 */
export function prepareStatement(sql: string, params: Record<string, unknown> | undefined, settings: Settings | undefined, lane: Lane) {
	if (lane !== 'interactive' && storeKind() === 'embedded') {
		const text = withSettings(renderParams(sql, params), settings);
		if (text.length <= MAX_PLAIN_SQL) return { query: text, query_params: undefined };
	}
	return { query: withSettings(sql, settings), query_params: params };
}

// The engine refuses a statement over max_query_size (256 KiB), and a SETTINGS clause cannot raise
// it for its own statement; a longer one (thousands of ids) stays bound, on the chain.
const MAX_PLAIN_SQL = 200_000;

/** Runs a named, parameterised SELECT and checks every row against its schema. */
export async function query<Row extends z.ZodType>(spec: QuerySpec<Row>): Promise<z.output<Row>[]> {
	const lane = spec.lane ?? currentLane();
	let raw: unknown[];
	try {
		const client = await getLaneClient(lane);
		// Rows are selected as `toString(id) AS id`; without this, WHERE and ORDER BY would see the alias.
		const settings = { log_comment: spec.name, prefer_column_name_to_alias: 1, ...spec.settings };
		const rs = await client.query({ ...prepareStatement(spec.sql, spec.params, settings, lane), format: 'JSONEachRow', abort_signal: spec.signal });
		raw = await rs.json();
	} catch (e) {
		throw new StoreError(spec.name, e);
	}
	return raw.map((r) => spec.row.parse(r));
}

/** DDL and other statements without a result. Settings are the caller's to put in the SQL. */
export async function command(name: string, sql: string, params?: Record<string, unknown>, lane: Lane = currentLane()): Promise<void> {
	try {
		const client = await getLaneClient(lane);
		await client.command(prepareStatement(sql, params, undefined, lane));
	} catch (e) {
		throw new StoreError(name, e);
	}
}

/**
 * Inserts rows as one block, so a request's rows land together or not at all. Embedded, on the
 * caller's bulk lane (ingest's own, else the background one) through a temporary file the engine
 * reads (see file-insert.ts); a server takes the client's own insert.
 */
export async function insert(name: string, table: string, rows: readonly object[]): Promise<void> {
	if (rows.length === 0) return;
	try {
		if (storeKind() === 'embedded') return await insertThroughFile(table, rows, (sql) => command(name, sql, undefined, bulkLane()));
		const client = await getLaneClient('interactive');
		await client.insert({ table, values: rows as object[], format: 'JSONEachRow', clickhouse_settings: { log_comment: name } });
	} catch (e) {
		throw e instanceof StoreError ? e : new StoreError(name, e);
	}
}
