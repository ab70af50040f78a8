import { describe, expect, it } from 'vitest';
import { errorStatus, exceptionText } from '../../test/server-mode/http-errors';
import { RequestError, splitRequest } from '../../test/server-mode/http-request';

// The request reading of the ClickHouse HTTP test server (test/server-mode), as ClickHouse's handler reads one.
const auth = { authorization: `Basic ${Buffer.from('default:').toString('base64')}` };
const read = (path: string, body = '', headers: Record<string, string> = {}, method = 'POST') =>
	splitRequest(new URL(path, 'http://localhost'), method, { ...auth, ...headers }, Buffer.from(body));

describe('the test server reads a request', () => {
	it('appends the body to the query of the URL, as an insert sends its rows', () => {
		const r = read('/?query=INSERT%20INTO%20t%20FORMAT%20JSONEachRow&database=db1', '{"a":1}\n');
		expect(r).toMatchObject({ sql: 'INSERT INTO t FORMAT JSONEachRow\n{"a":1}\n', database: 'db1' });
	});

	it('tells bound parameters, settings and the reserved names apart', () => {
		const r = read('/?query_id=q&param_ids=%5B1%2C2%5D&param_s=a%5Ctb&log_comment=x&default_format=JSONEachRow&wait_end_of_query=1&enable_http_compression=1', 'SELECT 1');
		expect(r.params).toEqual({ ids: '[1,2]', s: 'a\\tb' });
		expect(r.settings).toEqual({ log_comment: 'x' });
		expect(r.format).toBe('JSONEachRow');
		expect(r.database).toBe('default');
	});

	it('reads the query and parameters of a multipart body', () => {
		const body = '--b1\r\nContent-Disposition: form-data; name="query"\r\n\r\nSELECT {x:String}\r\n--b1\r\nContent-Disposition: form-data; name="param_x"\r\n\r\nline\r\n--b1--\r\n';
		const r = read('/?query_id=q', body, { 'content-type': 'multipart/form-data; boundary=b1' });
		expect(r).toMatchObject({ sql: 'SELECT {x:String}', params: { x: 'line' } });
	});

	it.each([
		['a write sent with GET', () => read('/?query=INSERT%20INTO%20t%20VALUES%20(1)', '', {}, 'GET'), 'READONLY'],
		['an empty query', () => read('/', ''), 'SYNTAX_ERROR'],
		['a database that is no identifier', () => read('/?database=a%3Bb', 'SELECT 1'), 'UNKNOWN_DATABASE'],
		['a wrong password', () => read('/', 'SELECT 1', { authorization: `Basic ${Buffer.from('default:x').toString('base64')}` }), 'AUTHENTICATION_FAILED']
	])('refuses %s as ClickHouse does', (_, request, type) => {
		expect(request).toThrow(RequestError);
		expect(request).toThrow(expect.objectContaining({ type }));
	});
});

describe('the test server answers an error', () => {
	it.each([
		['Code: 60. DB::Exception: Unknown table expression identifier \'x\'. (UNKNOWN_TABLE)', 404, 60],
		['Code: 62. DB::Exception: Syntax error: failed at position 1. (SYNTAX_ERROR)', 400, 62],
		['Code: 241. DB::Exception: Memory limit exceeded. (MEMORY_LIMIT_EXCEEDED)', 500, 241]
	])('%s: status %i, with the code and the version in the body', (message, status, code) => {
		const e = exceptionText(new Error(message), '26.1.1');
		expect(errorStatus(e)).toBe(status);
		expect(e.code).toBe(code);
		expect(e.body).toBe(`${message} (version 26.1.1)\n`);
		expect(exceptionText(new Error(`Query failed: ${message}`), '26.1.1').body).toBe(e.body);
	});
});
