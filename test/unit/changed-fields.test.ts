import { describe, expect, it } from 'vitest';
import { changedFields } from '../../src/lib/server/ingest/changed-fields';

describe('changedFields', () => {
	it.each([
		['an update', { plan: 'Free', phone: '1' }, { plan: 'Premium', phone: '1' }, ['plan']],
		['a creation', null, { name: 'Hello', is_active: true }, ['name', 'is_active']],
		['a deletion', { name: 'Hello' }, undefined, ['name']],
		['an added and a removed field', { a: 1 }, { b: 1 }, ['a', 'b']],
		['nested objects as dotted paths', { address: { city: 'Paris', zip: '75001' } }, { address: { city: 'Lyon', zip: '75001' } }, ['address.city']],
		['arrays compared whole', { tags: ['a', 'b'] }, { tags: ['a', 'b'] }, []],
		['a changed array', { tags: ['a'] }, { tags: ['a', 'b'] }, ['tags']],
		['null against absent', { a: null }, {}, ['a']],
		['a type change', { n: 1 }, { n: '1' }, ['n']]
	])('lists the fields of %s', (_name, before, after, want) => {
		expect(changedFields(before, after)).toEqual(want);
	});
});
