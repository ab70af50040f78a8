import type { IncomingHttpHeaders } from 'node:http';

/** What one HTTP request asks of the engine, read the way ClickHouse's HTTP handler reads it. */
export interface EngineRequest {
	sql: string;
	database: string;
	/** Output format when the statement names none (`default_format`; ClickHouse's default is TabSeparated). */
	format: string;
	/** `param_*` values as the client sent them: text the engine parses as the declared type. */
	params: Record<string, string>;
	settings: Record<string, string>;
}

// URL parameters that are not settings (ClickHouse's HTTPHandler reserves these names).
const RESERVED = new Set(['query', 'database', 'default_format', 'query_id', 'session_id', 'session_timeout', 'session_check', 'user', 'password', 'quota_key', 'role', 'stacktrace', 'compress', 'decompress', 'buffer_size', 'wait_end_of_query']);
// Settings of the HTTP layer only: they shape the response, and the engine has no such setting.
const HTTP_ONLY = /^(http_|send_progress_in_http_headers$|enable_http_compression$|output_format_http_|cancel_http_readonly_queries_on_client_close$)/;

const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** The one account of this server: `default` without a password, as a fresh ClickHouse has. */
function checkUser(headers: IncomingHttpHeaders, fields: Map<string, string>) {
	const basic = /^Basic (.+)$/.exec(headers.authorization ?? '');
	const [user, password] = basic
		? Buffer.from(basic[1], 'base64').toString('utf8').split(/:(.*)/s)
		: [headers['x-clickhouse-user']?.toString() ?? fields.get('user') ?? 'default', headers['x-clickhouse-key']?.toString() ?? fields.get('password') ?? ''];
	if (user !== 'default' || (password ?? '') !== '')
		throw new RequestError(516, 'AUTHENTICATION_FAILED', `${user}: Authentication failed: password is incorrect, or there is no user with such name`);
}

export class RequestError extends Error {
	constructor(
		readonly code: number,
		readonly type: string,
		message: string
	) {
		super(message);
	}
}

/** The parts of a multipart/form-data body, by name (the client sends `query` and `param_*` this way). */
export function parseMultipart(body: string, contentType: string): Map<string, string> {
	const boundary = /boundary=(?:"([^"]+)"|([^;]+))/.exec(contentType);
	if (!boundary) throw new RequestError(27, 'CANNOT_PARSE_INPUT_ASSERTION_FAILED', 'multipart body without a boundary');
	const parts = new Map<string, string>();
	for (const chunk of body.split(`--${boundary[1] ?? boundary[2]}`)) {
		const end = chunk.indexOf('\r\n\r\n');
		if (end < 0) continue;
		const name = /name="([^"]+)"/.exec(chunk.slice(0, end));
		if (name) parts.set(name[1], chunk.slice(end + 4).replace(/\r\n$/, ''));
	}
	return parts;
}

/** Reads the statement, its database, format, bound parameters and settings from a request. */
export function splitRequest(url: URL, method: string, headers: IncomingHttpHeaders, body: Buffer): EngineRequest {
	const fields = new Map<string, string>(url.searchParams);
	let text = body.toString('utf8');
	const contentType = headers['content-type'] ?? '';
	if (method === 'POST' && contentType.startsWith('multipart/form-data')) {
		for (const [k, v] of parseMultipart(text, contentType)) fields.set(k, v);
		text = '';
	}
	const inUrl = fields.get('query') ?? '';
	// ClickHouse appends the body to the query of the URL: an insert's rows follow its statement.
	const sql = method === 'POST' && text.length > 0 ? (inUrl ? `${inUrl}\n${text}` : text) : inUrl;
	if (sql.trim() === '') throw new RequestError(62, 'SYNTAX_ERROR', 'Empty query');
	if (method === 'GET' && !/^\s*(SELECT|WITH|SHOW|DESCRIBE|DESC|EXISTS|EXPLAIN)\b/i.test(sql))
		throw new RequestError(164, 'READONLY', 'Cannot execute query in readonly mode. For queries over HTTP, method GET implies readonly. You should use method POST for modifying queries');
	const params: Record<string, string> = {};
	const settings: Record<string, string> = {};
	for (const [k, v] of fields) {
		if (k.startsWith('param_')) params[k.slice(6)] = v;
		else if (!RESERVED.has(k) && !HTTP_ONLY.test(k)) settings[k] = v;
	}
	checkUser(headers, fields);
	const database = headers['x-clickhouse-database']?.toString() ?? fields.get('database') ?? 'default';
	if (!IDENTIFIER.test(database)) throw new RequestError(81, 'UNKNOWN_DATABASE', `Database ${database} does not exist`);
	const format = headers['x-clickhouse-format']?.toString() ?? fields.get('default_format') ?? 'TabSeparated';
	return { sql, database, format, params, settings };
}
