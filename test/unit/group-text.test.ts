import { describe, expect, it } from 'vitest';
import { groupText } from '../../src/lib/alerts/group-text';

describe('groupText', () => {
	it.each([
		[{ ip: '203.0.113.9' }, {}, 'ip 203.0.113.9'],
		[{ ip: '203.0.113.9' }, { ip: '203.0.113.9' }, 'ip 203.0.113.9'],
		[{ actor: 'u-7', target: 'user:u-9' }, { actor: 'ann@x.test', target: 'Bob B.' }, 'actor ann@x.test (u-7) · target Bob B. (user:u-9)'],
		[{ account: 'ann@x.test', country: 'VN' }, { account: '' }, 'account ann@x.test · country VN']
	])('%j labelled %j reads "%s"', (group, labels, text) => expect(groupText(group, labels)).toBe(text));
});
