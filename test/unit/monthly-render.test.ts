import { describe, expect, it } from 'vitest';
import { beforeAfter } from '../../src/lib/server/monthly/change-text';
import { formatTime } from '../../src/lib/monthly/format';
import { formatBytes, formatChange } from '../../src/lib/format';
import { retryDelayMs, RETRY_POLICIES } from '../../src/lib/server/retry';

describe('monthly report text', () => {
	it('shows only the fields a change touched', () => {
		expect(beforeAfter(JSON.stringify({ before: { role: 'agent', name: 'Eve' }, after: { role: 'admin', name: 'Eve' } }), ['role'])).toEqual({ before: 'role: agent', after: 'role: admin' });
		expect(beforeAfter(JSON.stringify({ before: { groups: ['a'] } }), [])).toEqual({ before: 'groups: ["a"]', after: '' });
		expect(beforeAfter('not json', ['x'])).toEqual({ before: '', after: '' });
	});

	it('writes changes, sizes and times as people read them', () => {
		expect([formatChange(15, 1), formatChange(11, 2), formatChange(1, 2), formatChange(3, 3), formatChange(2, 0)]).toEqual(['×15', '+450%', '−50%', 'no change', 'new']);
		expect([formatBytes(512), formatBytes(2097152), formatBytes(10485760), formatBytes(0)]).toEqual(['512 B', '2.0 MB', '10 MB', '—']);
		expect(formatTime('2026-12-01T04:30:00.000Z', 'America/New_York')).toBe('2026-11-30 23:30');
	});

	it('retries a failed send after 15 minutes, then less often, at most 6 hours apart', () => {
		expect([1, 2, 3, 10].map((n) => retryDelayMs(RETRY_POLICIES.monthlyReport, n) / 60e3)).toEqual([15, 30, 60, 360]);
	});

	it('retries a failed alert email after a minute, then less often, at most an hour apart', () => {
		expect([1, 2, 3, 10].map((n) => retryDelayMs(RETRY_POLICIES.alertMail, n) / 60e3)).toEqual([1, 2, 4, 60]);
	});
});
