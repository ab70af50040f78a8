import { describe, expect, it } from 'vitest';
import { historyOf, responsesOf } from '../../src/lib/server/alerts/alert-history';

const at = (hm: string) => new Date(`2026-11-10T${hm}:00Z`);
const entry = (hm: string, action: 'acknowledged' | 'resolved' | 'reopened' | 'commented', by: string, comment = '') => ({ at: at(hm), action, by, comment });

describe('historyOf', () => {
	it('shows the entries oldest first, an empty comment as none', () => {
		const rows = [entry('14:30', 'acknowledged', 'ann@x.test', 'on it'), entry('16:00', 'resolved', 'bob@x.test')];
		expect(historyOf({ status: 'resolved', statusAt: at('16:00'), statusBy: 'bob@x.test', statusComment: '' }, rows)).toEqual([
			{ at: '2026-11-10T14:30:00.000Z', by: 'ann@x.test', action: 'acknowledged', comment: 'on it' },
			{ at: '2026-11-10T16:00:00.000Z', by: 'bob@x.test', action: 'resolved', comment: null }
		]);
	});

	it.each([
		['an alert handled before the history was kept shows its last change', { status: 'acknowledged' as const, statusAt: at('15:00'), statusBy: 'ann@x.test', statusComment: 'old' }, 1],
		['an open alert nobody handled has none', { status: 'open' as const, statusAt: null, statusBy: '', statusComment: '' }, 0]
	])('%s', (_name, alert, n) => {
		expect(historyOf(alert, [])).toHaveLength(n);
		if (n) expect(historyOf(alert, [])[0]).toEqual({ at: '2026-11-10T15:00:00.000Z', by: 'ann@x.test', action: 'acknowledged', comment: 'old' });
	});
});

describe('responsesOf', () => {
	it('takes the first acknowledgement and resolution, and lists every comment with who and when', () => {
		const r = responsesOf([
			entry('14:30', 'acknowledged', 'ann@x.test', 'on it'),
			entry('15:00', 'commented', 'bob@x.test', 'pen test'),
			entry('16:00', 'resolved', 'bob@x.test'),
			entry('17:00', 'reopened', 'ann@x.test', 'again'),
			entry('18:00', 'resolved', 'cid@x.test', 'done')
		]);
		expect(r).toEqual({
			acknowledgedAt: '2026-11-10T14:30:00.000Z',
			acknowledgedBy: 'ann@x.test',
			resolvedAt: '2026-11-10T16:00:00.000Z',
			resolvedBy: 'bob@x.test',
			comments: [
				'2026-11-10T14:30:00.000Z ann@x.test (acknowledged): on it',
				'2026-11-10T15:00:00.000Z bob@x.test (commented): pen test',
				'2026-11-10T17:00:00.000Z ann@x.test (reopened): again',
				'2026-11-10T18:00:00.000Z cid@x.test (resolved): done'
			].join('\n')
		});
	});

	it('is empty for an alert nobody handled', () => {
		expect(responsesOf([])).toEqual({ acknowledgedAt: null, acknowledgedBy: '', resolvedAt: null, resolvedBy: '', comments: '' });
	});
});
