import { describe, expect, it } from 'vitest';
import { TOO_DEEP } from '../../src/lib/server/http/json-depth';
import { parseBody } from '../../src/lib/server/ingest/parse-body';

const nested = (depth: number) => `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`;
const NDJSON = 'application/x-ndjson';

describe('parseBody', () => {
	it('reads one object, an array, and NDJSON by content type or by shape', () => {
		expect(parseBody('{"a":1}', 'application/json')).toMatchObject({ ok: true, items: [{ a: 1 }] });
		expect(parseBody('[{"a":1},{"a":2}]', 'application/json')).toMatchObject({ ok: true, items: [{ a: 1 }, { a: 2 }] });
		expect(parseBody('{"a":1}\n\n{"a":2}\n', 'application/x-ndjson')).toMatchObject({ ok: true, items: [{ a: 1 }, { a: 2 }] });
		expect(parseBody('{"a":1}\n{"a":2}', 'application/json')).toMatchObject({ ok: true, items: [{ a: 1 }, { a: 2 }] });
	});

	it('names the NDJSON line that is not JSON', () => {
		const r = parseBody('{"a":1}\n{"a":2}\n{"a":\n', 'application/x-ndjson');
		expect(r).toMatchObject({ ok: false, problem: { line: 3 } });
		if (!r.ok) expect(r.problem.message).toMatch(/^line 3 is not valid JSON/);
	});

	it('names the line of a JSON syntax error', () => {
		const r = parseBody('[\n{"a":1},\n{"a" 2}\n]', 'application/json');
		expect(r.ok).toBe(false);
		if (!r.ok) expect(r.problem.line).toBe(3);
	});

	it('refuses empty bodies and JSON that is not an object or array', () => {
		expect(parseBody('  ', 'application/json')).toMatchObject({ ok: false });
		expect(parseBody('"text"', 'application/json')).toMatchObject({ ok: false });
		expect(parseBody('null', 'application/json')).toMatchObject({ ok: false });
	});

	it('measures each event, for the per-event size limit', () => {
		const r = parseBody('{"a":"xyz"}\n{"b":1}', 'application/x-ndjson');
		expect(r.ok && r.sizes).toEqual([11, 7]);
	});

	it('refuses NDJSON nested past the limit, as deep as its deepest line, whatever else is wrong with it', () => {
		expect(parseBody(`{"a":1}\n${nested(100)}`, NDJSON)).toMatchObject({ ok: true });
		expect(parseBody(`{"a":1}\n${nested(101)}\n{"b":2}`, NDJSON)).toEqual({ ok: false, problem: { message: TOO_DEEP } });
		// A later line that is not JSON does not hide the depth, nor does an earlier one.
		expect(parseBody(`${nested(101)}\n{"a":`, NDJSON)).toEqual({ ok: false, problem: { message: TOO_DEEP } });
		expect(parseBody(`{"a":\n${nested(101)}`, NDJSON)).toEqual({ ok: false, problem: { message: TOO_DEEP } });
		expect(parseBody(`${'['.repeat(5000)}`, NDJSON)).toEqual({ ok: false, problem: { message: TOO_DEEP } });
	});

	it('counts only the nesting of NDJSON, not brackets inside its strings', () => {
		const r = parseBody(`{"a":"${'{['.repeat(200)}"}\n{"b":[[1]]}`, NDJSON);
		expect(r).toMatchObject({ ok: true, items: [{ a: '{['.repeat(200) }, { b: [[1]] }] });
	});
});
