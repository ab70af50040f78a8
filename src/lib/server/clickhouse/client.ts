import { createClient, type ClickHouseClient } from '@clickhouse/client';
import { mkdirSync } from 'node:fs';
import { getConfig } from '../config';

export type StoreKind = 'embedded' | 'server';

let clientPromise: Promise<ClickHouseClient> | undefined;

/** chdb's zero-copy insert: the payload goes to the engine as bytes instead of inside an SQL string. */
export type RawInsert = (p: {
	table: string;
	values: Buffer;
	format: 'JSONCompactEachRow';
	columns: string[];
	settings?: Record<string, string | number>;
}) => Promise<unknown>;
let rawInsert: RawInsert | undefined;

async function connect(): Promise<ClickHouseClient> {
	const ch = getConfig().clickhouse;
	if (ch.mode === 'server') {
		const bootstrap = createClient({ url: ch.url, username: ch.username, password: ch.password });
		await bootstrap.command({ query: `CREATE DATABASE IF NOT EXISTS ${ch.database}` });
		await bootstrap.close();
		return createClient({
			url: ch.url,
			username: ch.username,
			password: ch.password,
			database: ch.database,
			clickhouse_settings: { date_time_input_format: 'best_effort' }
		});
	}
	mkdirSync(ch.path, { recursive: true });
	// Imported lazily: chdb loaded inside a worker thread (vite build analyses server modules
	// in one) kills the process with SIGSEGV at exit.
	const { createChdbConnection } = await import('chdb/connection');
	// chdb types its connection against @clickhouse/client-common, which the client now bundles
	// under its own copy of the same interface; the shapes agree, the declarations do not.
	type ClientConnection = NonNullable<Parameters<typeof createClient>[0]>['connection'];
	const connection = createChdbConnection({ path: ch.path });
	const client = createClient({ connection: connection as unknown as ClientConnection });
	const ext = (connection as unknown as { chdb?: { rawInsert?: RawInsert } }).chdb;
	if (ext?.rawInsert) rawInsert = ext.rawInsert.bind(ext);
	// The injected connection ignores the client's `database` option; the engine has one
	// session per process, so selecting the database once holds for every later query.
	await client.command({ query: `CREATE DATABASE IF NOT EXISTS ${ch.database}` });
	await client.command({ query: `USE ${ch.database}` });
	return client;
}

/** The one ClickHouse client of this process; nothing else knows which store it talks to. */
export function getClickHouse(): Promise<ClickHouseClient> {
	clientPromise ??= connect().catch((e: unknown) => {
		clientPromise = undefined;
		throw e;
	});
	return clientPromise;
}

export const storeKind = (): StoreKind => getConfig().clickhouse.mode;

/** The embedded engine's byte-level insert, when the store is embedded and offers one. */
export async function getRawInsert(): Promise<RawInsert | undefined> {
	await getClickHouse();
	return rawInsert;
}

export async function closeClickHouse(): Promise<void> {
	const pending = clientPromise;
	clientPromise = undefined;
	rawInsert = undefined;
	if (pending) await (await pending).close();
}
