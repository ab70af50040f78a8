import { RequestError } from './http-request';

export interface ExceptionText {
	code: number;
	type: string;
	body: string;
}

/** The exception as ClickHouse's HTTP interface writes it: `Code: N. DB::Exception: message. (TYPE) (version V)`. */
export function exceptionText(e: unknown, version: string): ExceptionText {
	if (e instanceof RequestError) return { code: e.code, type: e.type, body: `Code: ${e.code}. DB::Exception: ${e.message}. (${e.type}) (version ${version})\n` };
	const text = e instanceof Error ? e.message : String(e);
	// chdb-node puts its own words ("Query failed: ") before the engine's message; a server does not.
	const message = text.includes('Code: ') ? text.slice(text.indexOf('Code: ')) : text;
	const m = /Code: (\d+)\.[\s\S]*\(([A-Z0-9_]+)\)/.exec(message);
	if (!m) return { code: 1001, type: 'STD_EXCEPTION', body: `Code: 1001. DB::Exception: ${message}. (STD_EXCEPTION) (version ${version})\n` };
	const body = /\(version [^)]*\)\s*$/.test(message) ? message : `${message.trimEnd()} (version ${version})`;
	return { code: Number(m[1]), type: m[2], body: `${body}\n` };
}

// ClickHouse's exceptionCodeToHTTPStatus, for the kinds of error the app can meet; the rest are 500.
const STATUS: [RegExp, number][] = [
	[/^(UNKNOWN_USER|WRONG_PASSWORD|REQUIRED_PASSWORD|AUTHENTICATION_FAILED|ACCESS_DENIED|READONLY)$/, 403],
	[/^(CANNOT_PARSE_\w+|CANNOT_READ_\w+|UNKNOWN_ELEMENT_IN_AST|UNKNOWN_TYPE_OF_AST_NODE|TOO_DEEP_AST|TOO_BIG_AST|UNEXPECTED_AST_STRUCTURE|SYNTAX_ERROR|INCORRECT_DATA|TYPE_MISMATCH|VALUE_IS_OUT_OF_RANGE_OF_DATA_TYPE|BAD_ARGUMENTS|ILLEGAL_TYPE_OF_ARGUMENT|UNKNOWN_QUERY_PARAMETER|BAD_QUERY_PARAMETER)$/, 400],
	[/^(UNKNOWN_TABLE|UNKNOWN_FUNCTION|UNKNOWN_IDENTIFIER|UNKNOWN_TYPE|UNKNOWN_STORAGE|UNKNOWN_DATABASE|UNKNOWN_SETTING|UNKNOWN_AGGREGATE_FUNCTION|UNKNOWN_FORMAT|UNKNOWN_DATABASE_ENGINE|UNKNOWN_TYPE_OF_QUERY|UNKNOWN_ROLE)$/, 404],
	[/^QUERY_IS_TOO_LARGE$/, 413],
	[/^NOT_IMPLEMENTED$/, 501]
];

export const errorStatus = (e: ExceptionText) => STATUS.find(([re]) => re.test(e.type))?.[1] ?? 500;
