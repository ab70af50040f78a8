import type { z } from 'zod';
import { getClickHouse, getRawInsert } from './client';

export interface QuerySpec<Row extends z.ZodType> {
	/** Sent as log_comment so system.query_log tells which code ran a query. */
	name: string;
	sql: string;
	params?: Record<string, unknown>;
	row: Row;
	settings?: Record<string, string | number>;
	signal?: AbortSignal;
}

export class StoreError extends Error {
	constructor(
		readonly queryName: string,
		cause: unknown
	) {
		super(`${queryName}: ${cause instanceof Error ? cause.message : String(cause)}`, { cause });
	}
}

/** Runs a named, parameterised SELECT and checks every row against its schema. */
export async function query<Row extends z.ZodType>(spec: QuerySpec<Row>): Promise<z.output<Row>[]> {
	const client = await getClickHouse();
	let raw: unknown[];
	try {
		const rs = await client.query({
			query: spec.sql,
			query_params: spec.params,
			format: 'JSONEachRow',
			abort_signal: spec.signal,
			// Rows are selected as `toString(id) AS id`; without this, WHERE and ORDER BY would see the alias.
			clickhouse_settings: { log_comment: spec.name, prefer_column_name_to_alias: 1, ...spec.settings }
		});
		raw = await rs.json();
	} catch (e) {
		throw new StoreError(spec.name, e);
	}
	return raw.map((r) => spec.row.parse(r));
}

/** DDL and other statements without a result. */
export async function command(name: string, sql: string, params?: Record<string, unknown>): Promise<void> {
	const client = await getClickHouse();
	try {
		await client.command({ query: sql, query_params: params, clickhouse_settings: { log_comment: name } });
	} catch (e) {
		throw new StoreError(name, e);
	}
}

/** Inserts rows as one block, so a request's rows land together or not at all. */
export async function insert(name: string, table: string, rows: readonly object[]): Promise<void> {
	if (rows.length === 0) return;
	const client = await getClickHouse();
	const raw = await getRawInsert();
	try {
		if (raw) {
			// The client's own path would splice the rows into one SQL string; this hands bytes over,
			// as arrays rather than objects so column names are not repeated on every row.
			const columns = Object.keys(rows[0]);
			const values = Buffer.from(rows.map((r) => JSON.stringify(columns.map((c) => (r as Record<string, unknown>)[c]))).join('\n'));
			await raw({ table, values, format: 'JSONCompactEachRow', columns, settings: { log_comment: name } });
			return;
		}
		await client.insert({ table, values: rows as object[], format: 'JSONEachRow', clickhouse_settings: { log_comment: name } });
	} catch (e) {
		throw new StoreError(name, e);
	}
}
