import { describe, expect, it } from 'vitest';
import { loneSurrogatePaths, textMayHoldSurrogates } from '../../src/lib/server/ingest/lone-surrogates';

describe('lone surrogates', () => {
	it('names the path of every string and key that holds one', () => {
		const e = JSON.parse('{"action":"a\\ud800","details":{"n\\udc00te":"x","list":["ok","\\udfff"]},"fine":"\\ud83d\\ude00"}') as unknown;
		expect(loneSurrogatePaths(e)).toEqual(['action', 'details.list[1]', 'details.n\udc00te']);
		expect(loneSurrogatePaths({ a: 'plain', b: { c: ['😀', 5, null] } })).toEqual([]);
	});

	it('tells from the text alone when nothing parsed from it can hold one', () => {
		const texts = [
			'{"a":"plain"}',
			'{"a":"caf\\u00e9 \\u00bd"}',
			'{"a":"caf\\u00e9 \\\\u","b":"😀€"}',
			'{"a":"\\ud800"}',
			'{"a":"\\uDBFF\\uDFFF"}',
			'{"\\udc00":1}',
			'{"a":"\\\\ud800"}',
			`{"a":"${'\ud800'}"}`
		];
		const may = texts.map(textMayHoldSurrogates);
		expect(may).toEqual([false, false, true, true, true, true, true, true]);
		// Whenever the text says no, the walk finds none: the check can be skipped.
		texts.forEach((t, i) => {
			if (!may[i]) expect(loneSurrogatePaths(JSON.parse(t))).toEqual([]);
		});
	});
});
