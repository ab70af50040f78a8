/**
 * A ClickHouse server for the server-mode tests: ClickHouse's HTTP interface, answered by an
 * embedded engine (chdb) on its own data directory, in this separate process. There is no
 * ClickHouse server binary on the machines that run the tests (Debian's is 18.16, older than
 * DateTime64), so this is the closest real thing: the app's @clickhouse/client talks HTTP to it
 * exactly as to a server (URL parameters, bound `param_*` values, multipart bodies, inserts with
 * the rows in the body, error bodies and status codes), and the SQL runs on the real engine.
 *
 * Usage: node --import tsx test/server-mode/clickhouse-http.ts <data dir>; prints
 * `listening <port>` once it answers.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { randomUUID } from 'node:crypto';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { errorStatus, exceptionText } from './http-errors';
import { splitRequest } from './http-request';
import { SessionSettings } from './session-settings';

const require = createRequire(import.meta.url);
type Native = { QueryAsyncConnection(conn: unknown, sql: string, format: string, bound?: Record<string, string>): Promise<NativeResult> };
type NativeResult = { bytes: Uint8Array; elapsed?: number; rowsRead?: number; bytesRead?: number };
const { Session } = require('chdb') as { Session: new (path: string) => { connection: unknown; cleanup(): void } };
// The bound path of the public API escapes every string again (it expects JS values); a server
// receives the text the client already escaped, so that text goes to the engine's binder as is.
const native = (require(join(dirname(require.resolve('chdb')), 'dist', 'loader.js')) as { loadNative(): Native }).loadNative();

const dataDir = process.argv[2];
if (!dataDir) throw new Error('usage: clickhouse-http.ts <data dir>');
const session = new Session(dataDir);
const run = (sql: string, format = 'TabSeparated', bound?: Record<string, string>) => native.QueryAsyncConnection(session.connection, sql, format, bound);
const settings = new SessionSettings(async (sql) => new TextDecoder().decode((await run(sql, 'JSONEachRow')).bytes));
const VERSION = new TextDecoder().decode((await run('SELECT version()')).bytes).trim();
let database = 'default';

// A server runs requests side by side; one engine session runs one at a time, so they queue.
let tail: Promise<unknown> = Promise.resolve();
function serial<T>(work: () => Promise<T>): Promise<T> {
	const next = tail.then(work, work);
	tail = next.catch(() => undefined);
	return next;
}

const CONTENT_TYPES: Record<string, string> = {
	JSONEachRow: 'application/x-ndjson; charset=UTF-8',
	JSON: 'application/json; charset=UTF-8',
	TabSeparated: 'text/tab-separated-values; charset=UTF-8',
	CSV: 'text/csv; charset=UTF-8; header=absent'
};

async function readBody(req: IncomingMessage): Promise<Buffer> {
	const chunks: Buffer[] = [];
	for await (const c of req) chunks.push(c as Buffer);
	const body = Buffer.concat(chunks);
	return req.headers['content-encoding'] === 'gzip' ? gunzipSync(body) : body;
}

async function answer(req: IncomingMessage, res: ServerResponse): Promise<void> {
	const url = new URL(req.url ?? '/', 'http://localhost');
	const queryId = url.searchParams.get('query_id') ?? randomUUID();
	const common = { 'X-ClickHouse-Query-Id': queryId, 'X-ClickHouse-Server-Display-Name': 'trailscope-test', 'X-ClickHouse-Timezone': 'UTC', 'Keep-Alive': 'timeout=10' };
	if (url.pathname === '/ping') {
		res.writeHead(200, { 'Content-Type': 'text/html; charset=UTF-8' }).end('Ok.\n');
		return;
	}
	try {
		const request = splitRequest(url, req.method ?? 'GET', req.headers, await readBody(req));
		const started = process.hrtime.bigint();
		const result = await serial(async () => {
			if (request.database !== database) {
				await run(`USE ${request.database}`);
				database = request.database;
			}
			await settings.apply(request.settings);
			return run(request.sql, request.format, Object.keys(request.params).length ? request.params : undefined);
		});
		const summary = {
			read_rows: String(result.rowsRead ?? 0),
			read_bytes: String(result.bytesRead ?? 0),
			written_rows: '0',
			written_bytes: '0',
			total_rows_to_read: '0',
			result_rows: '0',
			result_bytes: String(result.bytes.byteLength),
			elapsed_ns: String(process.hrtime.bigint() - started)
		};
		res.writeHead(200, {
			...common,
			'Content-Type': CONTENT_TYPES[request.format] ?? 'text/plain; charset=UTF-8',
			'X-ClickHouse-Format': request.format,
			'X-ClickHouse-Summary': JSON.stringify(summary)
		});
		res.end(Buffer.from(result.bytes.buffer, result.bytes.byteOffset, result.bytes.byteLength));
	} catch (e) {
		const text = exceptionText(e, VERSION);
		res.writeHead(errorStatus(text), { ...common, 'Content-Type': 'text/plain; charset=UTF-8', 'X-ClickHouse-Exception-Code': String(text.code) });
		res.end(text.body);
	}
}

// ClickHouse takes URLs up to http_max_uri_size (1 MiB); Node's default header limit is 16 KiB.
const server = createServer({ maxHeaderSize: 1 << 20, keepAliveTimeout: 10_000 }, (req, res) => {
	answer(req, res).catch((e: unknown) => {
		if (!res.headersSent) res.writeHead(500);
		res.end(String(e));
	});
});
server.listen(0, '127.0.0.1', () => {
	const address = server.address();
	process.stdout.write(`listening ${typeof address === 'object' && address ? address.port : 0}\n`);
});
function stop() {
	server.close();
	server.closeAllConnections();
	void tail.finally(() => {
		session.cleanup();
		process.exit(0);
	});
}
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
// A test run that dies without stopping this server must not leave it holding its data directory.
const parent = process.ppid;
setInterval(() => {
	try {
		process.kill(parent, 0);
	} catch {
		stop();
	}
}, 2_000).unref();
