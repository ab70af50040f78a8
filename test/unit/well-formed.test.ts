import { describe, expect, it } from 'vitest';
import { generateEvents } from '../../bench/generate';
import { EventInputSchema, type ParsedEventInput } from '../../src/lib/schemas/event-input';
import { readWellFormed } from '../../src/lib/server/ingest/well-formed';

/** What ingest reads of a parsed event, in a fixed order; JSON fields as the text that is stored and hashed. */
function seen(e: ParsedEventInput) {
	const part = (o: Record<string, unknown> | null | undefined, keys: string[]) => (o ? keys.map((k) => o[k] ?? null) : o ?? null);
	return JSON.stringify([
		e.id ?? null, e.occurred_at, e.tenant ?? null, e.source ?? null, part(e.actor, ['id', 'name', 'email', 'type']), e.action, e.category ?? null,
		e.outcome ?? null, e.reason ?? null, part(e.target, ['type', 'id', 'name']), e.ip ?? null, e.user_agent ?? null, e.session_id ?? null,
		e.request_id ?? null, e.changes ? JSON.stringify(e.changes) : null, e.details ? JSON.stringify(e.details) : null,
		e.changes ? [Object.keys(e.changes.before ?? {}), Object.keys(e.changes.after ?? {})] : null
	]);
}

const base = {
	id: '0d3c5f0e-8b1a-4c55-9a43-6a8e7f1d2b10',
	occurred_at: '2026-11-20T14:30:25.123Z',
	tenant: 'acme',
	source: 'crm',
	actor: { id: 'u-1', name: 'Ann', email: 'ann@example.com', type: 'user' },
	action: 'login_failed',
	category: 'authentication',
	outcome: 'failure',
	reason: 'bad password',
	target: { type: 'contact', id: '12', name: 'Bob' },
	ip: '203.0.113.45',
	user_agent: 'Mozilla/5.0',
	session_id: 's-1',
	request_id: 'r-1',
	changes: { before: { role: 'agent' }, after: { role: 'admin' } },
	details: { records: 10, format: 'csv' }
};

const long = (n: number) => 'x'.repeat(n);
const proto = JSON.parse('{"__proto__": {"a": 1}, "b": 2}') as unknown;
const nullProto = Object.assign(Object.create(null) as object, { a: 1 });
class Shape {
	a = 1;
}

/** For each field, values on both sides of every rule the schema has (lengths, types, formats, null). */
const VARIANTS: Record<string, unknown[]> = {
	id: [undefined, null, '', 'not-a-uuid', '00000000-0000-0000-0000-000000000000', 'FFFFFFFF-FFFF-FFFF-FFFF-FFFFFFFFFFFF', '0D3C5F0E-8B1A-4C55-9A43-6A8E7F1D2B10', '0d3c5f0e-8b1a-9c55-9a43-6a8e7f1d2b10', 5],
	occurred_at: [undefined, null, 0, -0, -1, 1.5, 1764547200000, Number.MAX_SAFE_INTEGER, 2 ** 53, NaN, Infinity, '2026-11-20T14:30:25Z', '2026-11-20T14:30:25.123456+02:00',
		'2026-11-20T14:30Z', '2026-11-20 14:30:25Z', '2026-11-20T14:30:25', '2026-11-20T14:30:25z', '2026-02-29T00:00:00Z', '2024-02-29T00:00:00Z', '2026-11-20T24:00:00Z', '1764547200000', ' 2026-11-20T14:30:25Z'],
	tenant: [undefined, null, '', 'a', 'a b', 'x.y_z:w-1', long(128), long(129), 'é', 7],
	source: [undefined, null, '', long(128), long(129), 1, {}],
	actor: [undefined, null, '', 'u-9', long(256), long(257), 5, [], { id: null }, { id: long(256), name: long(256), email: long(320), type: long(64) }, { email: long(321) }, { type: long(65) }, { id: 5 }, {}, new Shape(), { id: 'a', extra: 1 }],
	action: [undefined, null, '', '   ', ' login ', 'LOGIN', long(256), long(257), `  ${long(255)}`, ` ${long(256)}`, 5, '\tx\n'],
	category: [undefined, null, '', 'whatever', long(64), long(65), 3],
	outcome: [undefined, null, 'success', 'pending', 'Failure', 'done', 1],
	reason: [undefined, null, long(4096), long(4097), false],
	target: [undefined, null, 'x', [], {}, { id: 12 }, { id: 1.5 }, { id: -0 }, { id: Infinity }, { id: NaN }, { id: long(256) }, { id: long(257) }, { type: long(129) }, { name: long(512) }, { name: long(513) }, { id: true }],
	ip: [undefined, null, '', '10.0.0.1', long(64), long(65), 4],
	user_agent: [undefined, null, long(1024), long(1025)],
	session_id: [undefined, null, long(256), long(257)],
	request_id: [undefined, null, long(256), long(257)],
	changes: [undefined, null, {}, [], 'x', { before: null }, { after: { a: 1 }, before: { a: 2 } }, { before: [] }, { before: 'x' }, { after: proto }, { after: nullProto },
		{ after: new Shape() }, { before: { [Symbol('s')]: 1, a: 1 } }, { extra: 1, after: { 2: 'b', 1: 'a', z: { deep: [1] } } }],
	details: [undefined, null, {}, [], 'x', 5, proto, nullProto, new Shape(), Object.defineProperty({ a: 1 }, 'hidden', { value: 2, enumerable: false }), { records: '1.5k', nested: { a: [1, { b: 2 }] } }],
	extra: [undefined, 'ignored', { nested: 1 }]
};

function compare(input: unknown) {
	const fast = readWellFormed(input);
	const slow = EventInputSchema.safeParse(input);
	// The fast path may decline anything; what it accepts, the schema accepts and reads alike.
	if (fast === undefined) return slow.success ? 'declinedValid' : 'declined';
	expect(slow.success, JSON.stringify(input)).toBe(true);
	if (slow.success) expect(seen(fast), String(JSON.stringify(input))).toBe(seen(slow.data));
	return 'accepted';
}

describe('readWellFormed (the fast path of EventInputSchema)', () => {
	it('reads every variant of every field as the schema does, or leaves it to the schema', () => {
		const counts = { accepted: 0, declined: 0, declinedValid: 0 };
		const leftToSchema: string[] = [];
		for (const [field, values] of Object.entries(VARIANTS))
			values.forEach((value, i) => {
				const input: Record<string, unknown> = { ...base };
				if (value === undefined) delete input[field];
				else input[field] = value;
				const r = compare(input);
				counts[r]++;
				if (r === 'declinedValid') leftToSchema.push(`${field}[${i}]`);
			});
		// Both sides are exercised (a path that declined everything would pass the loop above), and
		// valid events go to the schema only for the unusual objects it would copy differently.
		expect(counts.accepted).toBeGreaterThan(70);
		expect(counts.declined).toBeGreaterThan(60);
		expect(leftToSchema).toEqual(['changes[9]', 'changes[10]', 'details[6]', 'details[7]', 'details[9]']);
	});

	it('declines what is not an event object', () => {
		for (const v of [null, undefined, 'x', 5, [], [base]]) expect(readWellFormed(v)).toBeUndefined();
	});

	it('takes every generated benchmark event, and reads it as the schema does', () => {
		const [events] = [...generateEvents({ n: 3000, seed: 3, now: new Date('2026-12-01T00:00:00Z'), chunk: 3000 })];
		for (const e of events) expect(compare(JSON.parse(JSON.stringify(e)))).toBe('accepted');
	});

	it('keeps the schema order of before and after, whatever the order sent', () => {
		const e = readWellFormed({ ...base, changes: { after: { a: 1 }, before: { a: 0 } } });
		expect(JSON.stringify(e?.changes)).toBe('{"before":{"a":0},"after":{"a":1}}');
	});
});
