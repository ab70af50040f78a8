import { ClickHouseLogLevel, createClient, type ClickHouseClient } from '@clickhouse/client';
import { mkdirSync } from 'node:fs';
import { getConfig } from '../config';
import type { Lane } from './lane';

export type StoreKind = 'embedded' | 'server';

let clientPromise: Promise<ClickHouseClient> | undefined;
/** The embedded engine's further sessions, one per lane beside the interactive one. */
const lanePromises = new Map<Lane, Promise<ClickHouseClient>>();

async function connectServer(): Promise<ClickHouseClient> {
	const ch = getConfig().clickhouse;
	if (ch.mode !== 'server') throw new Error('not in server mode');
	const bootstrap = createClient({ url: ch.url, username: ch.username, password: ch.password });
	await bootstrap.command({ query: `CREATE DATABASE IF NOT EXISTS ${ch.database}${ch.cluster ? ` ON CLUSTER '${ch.cluster}'` : ''}` });
	await bootstrap.close();
	// Over HTTP, clickhouse_settings are parameters of one request: they cannot outlive it.
	return createClient({
		url: ch.url,
		username: ch.username,
		password: ch.password,
		database: ch.database,
		// Bound arrays of thousands of ids would pass the server's URL limit (http_max_uri_size, 1 MiB):
		// past 4 KiB the client sends the parameters in a multipart body instead.
		use_multipart_params_auto: true,
		// A failed request reaches its caller as a StoreError naming the query, which is logged where it
		// is handled; the client's own log would print each failure a second time, with its settings.
		log: { level: ClickHouseLogLevel.OFF },
		// On a cluster, an insert through a Distributed table returns once every shard has its rows,
		// so a read that follows sees them (the app reads its own writes: alerts, versions, state).
		clickhouse_settings: { date_time_input_format: 'best_effort', ...(ch.cluster ? { insert_distributed_sync: 1 } : {}) }
	});
}

/** One engine session (a chdb connection) on the data directory, in the configured database. */
async function connectEmbedded(): Promise<ClickHouseClient> {
	const ch = getConfig().clickhouse;
	if (ch.mode !== 'embedded') throw new Error('not in embedded mode');
	mkdirSync(ch.path, { recursive: true });
	// Imported lazily: chdb loaded inside a worker thread (vite build analyses server modules
	// in one) kills the process with SIGSEGV at exit.
	const { createChdbConnection } = await import('chdb/connection');
	// chdb types its connection against @clickhouse/client-common, which the client now bundles
	// under its own copy of the same interface; the shapes agree, the declarations do not.
	type ClientConnection = NonNullable<Parameters<typeof createClient>[0]>['connection'];
	const connection = createChdbConnection({ path: ch.path });
	const client = createClient({ connection: connection as unknown as ClientConnection });
	// The injected connection ignores the client's `database` option; each session selects the
	// database once (the one session state we keep: a test checks nothing else changes).
	await client.command({ query: `CREATE DATABASE IF NOT EXISTS ${ch.database}` });
	await client.command({ query: `USE ${ch.database}` });
	return client;
}

function once(get: () => Promise<ClickHouseClient> | undefined, set: (p: Promise<ClickHouseClient> | undefined) => void, connect: () => Promise<ClickHouseClient>) {
	let p = get();
	if (!p) {
		p = connect().catch((e: unknown) => {
			set(undefined);
			throw e;
		});
		set(p);
	}
	return p;
}

/** The one ClickHouse client of this process; nothing else knows which store it talks to. */
export function getClickHouse(): Promise<ClickHouseClient> {
	return once(
		() => clientPromise,
		(p) => (clientPromise = p),
		() => (storeKind() === 'server' ? connectServer() : connectEmbedded())
	);
}

/**
 * The client of a lane. Embedded, each other lane is an engine session of its own that runs beside
 * the interactive one (it must be sent plain SQL: see lane.ts); a server answers every lane's
 * requests in parallel itself, so all get the one client.
 */
export async function getLaneClient(lane: Lane): Promise<ClickHouseClient> {
	if (lane === 'interactive' || storeKind() === 'server') return getClickHouse();
	// The first session creates the database the second one selects.
	await getClickHouse();
	return once(
		() => lanePromises.get(lane),
		(p) => (p ? lanePromises.set(lane, p) : lanePromises.delete(lane)),
		connectEmbedded
	);
}

export const storeKind = (): StoreKind => getConfig().clickhouse.mode;

export async function closeClickHouse(): Promise<void> {
	const pending = [clientPromise, ...lanePromises.values()];
	clientPromise = undefined;
	lanePromises.clear();
	for (const p of pending.reverse()) if (p) await (await p.catch(() => undefined))?.close();
}
