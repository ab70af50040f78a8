import { describe, expect, it } from 'vitest';
import { sourceFiles } from './source-files';

const SOURCES = sourceFiles('src', 'jobs');

/**
 * Helpers that were written several times, slightly differently (issue 15): each pattern is how a
 * copy has been written, the module that alone may write it, and the files with a reason of their own.
 */
const HELPERS: { what: string; pattern: RegExp; home: string; except?: Record<string, string> }[] = [
	{
		what: 'a Date written as store time',
		pattern: /replace\('T', ' '\)\.replace\('Z', ''\)/,
		home: 'src/lib/server/clickhouse/time.ts',
		except: {
			'src/lib/server/clickhouse/literal.ts': 'the gateway renders literals itself (owned by the gateway)',
			'src/lib/server/seals/canonical.ts': "a seal's canonical text is its own specification (docs/seals.md)"
		}
	},
	{
		what: 'a store time read back as ISO',
		pattern: /replace\(' ', 'T'\)/,
		home: 'src/lib/server/clickhouse/time.ts',
		except: {
			'src/lib/admin/format.ts': 'browser code, which cannot import the server gateway',
			'src/lib/server/importers/record.ts': 'reads times of other products, with or without a zone'
		}
	},
	{ what: 'a row version from the clock', pattern: /getTime\(\) \* 1000 \+/, home: 'src/lib/server/clickhouse/time.ts' },
	{ what: 'a number formatted for people', pattern: /toLocaleString\((?:'en-US')?\)/, home: 'src/lib/format.ts' },
	{ what: 'an HTML escape table', pattern: /&quot;|&#39;|&apos;/, home: 'src/lib/format.ts' },
	{ what: 'a size in KB/MB', pattern: /\['KB', 'MB'/, home: 'src/lib/format.ts' },
	{ what: 'a retry back-off', pattern: /\* 2 \*\* Math\.max/, home: 'src/lib/server/retry.ts' },
	{ what: 'a serial promise chain', pattern: /\.then\((\w+), \1\)/, home: 'src/lib/server/serial.ts' },
	{ what: 'the refusal of a time zone', pattern: /time zone such as/, home: 'src/lib/schemas/time-zone.ts' }
];

describe('one module per helper', () => {
	it.each(HELPERS)('only $home writes $what', ({ pattern, home, except = {} }) => {
		const found = SOURCES.filter((f) => f.path !== home && !(f.path in except) && pattern.test(f.text)).map((f) => f.path);
		expect(found).toEqual([]);
	});

	it.each(HELPERS)('the scan finds $what in $home (so an empty result means something)', ({ pattern, home }) => {
		expect(SOURCES.find((f) => f.path === home)?.text).toMatch(pattern);
	});
});
