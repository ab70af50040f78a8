import { describe, expect, it } from 'vitest';
import { cidrRange, displayIp, toStoredIp } from '../../src/lib/server/ingest/ip';

describe('ip', () => {
	it.each([
		['203.0.113.45', '::ffff:203.0.113.45'],
		['2001:DB8::1', '2001:db8:0:0:0:0:0:1'],
		['[2001:db8::1]', '2001:db8:0:0:0:0:0:1'],
		['::ffff:1.2.3.4', '0:0:0:0:0:ffff:102:304']
	])('stores %s as %s', (text, stored) => expect(toStoredIp(text)).toBe(stored));

	it.each(['999.1.1.1', '10.1', '1', 'localhost', '1.2.3.4/24', ''])('refuses %s', (text) => expect(toStoredIp(text)).toBeNull());

	it('shows IPv4 without the mapping prefix and no address as empty', () => {
		expect(displayIp('::ffff:203.0.113.45')).toBe('203.0.113.45');
		expect(displayIp('2001:db8::1')).toBe('2001:db8::1');
		expect(displayIp('::')).toBe('');
	});

	it.each([
		['203.0.113.0/24', '::ffff:203.0.113.0', '::ffff:203.0.113.255'],
		['203.0.113.77/24', '::ffff:203.0.113.0', '::ffff:203.0.113.255'],
		['10.0.0.5', '::ffff:10.0.0.5', '::ffff:10.0.0.5'],
		['2001:db8::/32', '2001:db8:0:0:0:0:0:0', '2001:db8:ffff:ffff:ffff:ffff:ffff:ffff']
	])('turns %s into a range', (text, first, last) => expect(cidrRange(text)).toEqual({ first, last }));

	it.each(['203.0.113.0/33', 'nope', '1.2/8', '2001:db8::/129'])('refuses the block %s', (text) => expect(cidrRange(text)).toBeNull());
});
