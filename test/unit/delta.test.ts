import { describe, expect, it } from 'vitest';
import { render } from 'svelte/server';
import { countKinds, diffChanges, formatValue, type DeltaRow } from '../../src/lib/delta/diff';
import ChangesDelta from '../../src/lib/components/ChangesDelta.svelte';
import EventDetails from '../../src/lib/components/EventDetails.svelte';
import type { EventOutput } from '../../src/lib/server/queries/events/event-columns';

describe('diffChanges', () => {
	it.each<[string, unknown, unknown, DeltaRow[]]>([
		[
			'an update',
			{ name: 'Hello World!', is_active: true },
			{ name: 'Good Morning 🌞', is_active: true },
			[
				{ path: 'name', kind: 'changed', before: 'Hello World!', after: 'Good Morning 🌞' },
				{ path: 'is_active', kind: 'unchanged', before: true, after: true }
			]
		],
		['a creation (before null)', null, { name: 'Hi', n: 1 }, [{ path: 'name', kind: 'added', after: 'Hi' }, { path: 'n', kind: 'added', after: 1 }]],
		['a creation (before absent)', undefined, { name: 'Hi' }, [{ path: 'name', kind: 'added', after: 'Hi' }]],
		['a deletion', { name: 'Hi', tags: ['a'] }, undefined, [{ path: 'name', kind: 'removed', before: 'Hi' }, { path: 'tags', kind: 'removed', before: ['a'] }]],
		['neither side', null, null, []],
		['an added and a removed field', { a: 1 }, { b: 2 }, [{ path: 'a', kind: 'removed', before: 1 }, { path: 'b', kind: 'added', after: 2 }]],
		[
			'nested objects as dotted paths',
			{ address: { city: 'Paris', zip: '75001' } },
			{ address: { city: 'Lyon', zip: '75001' } },
			[
				{ path: 'address.city', kind: 'changed', before: 'Paris', after: 'Lyon' },
				{ path: 'address.zip', kind: 'unchanged', before: '75001', after: '75001' }
			]
		],
		['a created nested object, leaf by leaf', null, { address: { city: 'Lyon', geo: { lat: 45 } } }, [{ path: 'address.city', kind: 'added', after: 'Lyon' }, { path: 'address.geo.lat', kind: 'added', after: 45 }]],
		['a nested object added to an update', { a: 1 }, { a: 1, b: { c: 2 } }, [{ path: 'a', kind: 'unchanged', before: 1, after: 1 }, { path: 'b.c', kind: 'added', after: 2 }]],
		['an empty object kept as a value', null, { meta: {} }, [{ path: 'meta', kind: 'added', after: {} }]],
		['empty objects on both sides', { meta: {} }, { meta: {} }, [{ path: 'meta', kind: 'unchanged', before: {}, after: {} }]],
		['arrays compared whole, unchanged', { tags: ['a', 'b'] }, { tags: ['a', 'b'] }, [{ path: 'tags', kind: 'unchanged', before: ['a', 'b'], after: ['a', 'b'] }]],
		['arrays compared whole, changed', { tags: ['a'] }, { tags: ['a', 'b'] }, [{ path: 'tags', kind: 'changed', before: ['a'], after: ['a', 'b'] }]],
		['an object replacing a scalar', { owner: null }, { owner: { id: 7 } }, [{ path: 'owner', kind: 'changed', before: null, after: { id: 7 } }]],
		['null against absent', { a: null }, {}, [{ path: 'a', kind: 'removed', before: null }]],
		['a type change', { n: 1 }, { n: '1' }, [{ path: 'n', kind: 'changed', before: 1, after: '1' }]]
	])('reads %s', (_name, before, after, want) => {
		expect(diffChanges(before, after)).toEqual(want);
	});

	it('stops descending at a depth limit and compares the rest whole', () => {
		let before: Record<string, unknown> = { leaf: 1 };
		let after: Record<string, unknown> = { leaf: 2 };
		for (let i = 0; i < 40; i++) {
			before = { x: before };
			after = { x: after };
		}
		const rows = diffChanges(before, after);
		expect(rows).toHaveLength(1);
		expect(rows[0].kind).toBe('changed');
		expect(rows[0].path.split('.').length).toBeLessThan(20);
	});
});

describe('countKinds and formatValue', () => {
	it('counts rows per kind', () => {
		expect(countKinds(diffChanges({ a: 1, b: 1, c: 1 }, { a: 2, b: 1, d: 1 }))).toEqual({ added: 1, removed: 1, changed: 1, unchanged: 1 });
	});

	it.each([
		['a string, quoted', 'Free', '"Free"'],
		['a number', 1, '1'],
		['null', null, 'null'],
		['an array', ['a', 1], '["a",1]'],
		['nothing', undefined, ''],
		['a BigInt, which JSON cannot hold', 10n, '10']
	])('shows %s as text', (_name, v, want) => {
		expect(formatValue(v)).toBe(want);
	});
});

const HTML = '<img src=x onerror=alert(1)>';
/** Server output without hydration comments and scoped-style classes, to match on markup. */
const html = (out: { body: string }) => out.body.replace(/<!--[^>]*-->/g, '').replace(/ class="svelte-[a-z0-9]+"/g, '').replace(/ svelte-[a-z0-9]+"/g, '"');

describe('ChangesDelta', () => {
	it('marks added, removed and changed rows in text, not colour alone, and collapses unchanged ones', () => {
		const body = html(render(ChangesDelta, { props: { changes: { before: { plan: 'Free', phone: '1', old: 'x' }, after: { plan: 'Premium', phone: '1', email: 'a@b.c' } } } }));
		expect(body).toContain('<caption');
		expect(body).toMatch(/<del>"Free"<\/del>/);
		expect(body).toMatch(/<ins>"Premium"<\/ins>/);
		expect(body).toMatch(/<del>"x"<\/del>/);
		expect(body).toMatch(/<ins>"a@b.c"<\/ins>/);
		for (const marker of ['added', 'removed', 'changed']) expect(body).toMatch(new RegExp(`class="marker">${marker}<`));
		expect(body).toContain('Show 1 unchanged field');
		expect(body).not.toContain('phone');
	});

	it('shows a value holding HTML as escaped text', () => {
		const body = html(render(ChangesDelta, { props: { changes: { after: { name: HTML } } } }));
		expect(body).not.toContain('<img');
		expect(body).toContain('&lt;img src=x onerror=alert(1)>');
	});
});

const event: EventOutput = {
	id: '0b5a3f2e-8c1d-4e6f-9a7b-2c3d4e5f6a7b',
	tenant: 'acme',
	occurred_at: '2025-01-15T14:30:25.123Z',
	received_at: '2025-01-15T14:30:26.001Z',
	source: 'crm',
	actor: { id: 'u-1', name: HTML, email: 'john@company.com', type: 'user' },
	action: 'CONTACT_UPDATED',
	category: 'data_change',
	outcome: 'failure',
	reason: `Invalid value ${HTML}`,
	target: { type: 'contact', id: '12345', name: HTML },
	ip: '203.0.113.45',
	geo: { country: 'FR', city: 'Paris' },
	user_agent: 'Mozilla/5.0',
	session_id: 's-1',
	request_id: 'r-1',
	changes: { before: { plan: 'Free' }, after: { plan: HTML } },
	changed_fields: ['plan'],
	details: { note: HTML },
	content_hash: '0123456789abcdef0123456789abcdef'
};

describe('EventDetails', () => {
	const body = html(render(EventDetails, { props: { event } }));

	it('renders every field a person would look for, in a description list', () => {
		for (const text of ['2025-01-15 14:30:25.123 UTC', 'john@company.com', 'u-1', 'CONTACT_UPDATED', 'data_change', '12345', '203.0.113.45', 'Paris, France (FR)', 'Mozilla/5.0', 's-1', 'r-1', 'crm', '2025-01-15 14:30:26.001 UTC', event.content_hash])
			expect(body).toContain(text);
		expect(body).toContain('<dl');
		expect(body).toContain('Copy JSON');
		expect(body).toContain('<table');
	});

	it('puts the failure reason first', () => {
		expect(body.indexOf('Invalid value')).toBeLessThan(body.indexOf('<dl'));
	});

	it('renders fields holding HTML as inert text', () => {
		expect(body).not.toMatch(/<img/i);
		expect(body).toContain('&lt;img src=x onerror=alert(1)>');
	});
});
