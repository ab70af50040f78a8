import { describe, expect, it } from 'vitest';
import { renderAlertSummary, SUMMARY_ROWS } from '../../src/lib/server/mail/render-alert';
import type { Alert } from '../../src/lib/server/rules/decide';

const when = (minute: number) => new Date(Date.UTC(2026, 10, 3, 9, minute));
const alert = (i: number, severity: Alert['severity']): Alert => ({
	id: `al-${i}`, tenant: 'acme', ruleId: 'off_hours_access', ruleName: 'Off-hours access', severity, status: 'open',
	groupFields: ['actor'], groupValues: [`user-${i}`], groupKey: `k${i}`, count: 1, threshold: 1,
	windowStart: when(i), windowEnd: when(i), firstSeen: when(i), lastSeen: when(i), eventIds: [], evidenceCount: 1, groupLabels: [`user-${i}`], incidentId: `al-${i}`, evidenceQuery: '',
	createdAt: when(i), updatedAt: when(i), statusBy: '', statusComment: '', statusAt: null, version: 1
});

describe('renderAlertSummary', () => {
	const ctx = { appUrl: 'https://trailscope.example', timezone: 'UTC', tenant: 'acme', nounOf: () => 'events' };

	it('names the most severe and newest alerts of a large burst and links the list of all of them', () => {
		const alerts = Array.from({ length: 40_000 }, (_, i) => alert(i % 60, i === 7 ? 'critical' : 'medium'));
		const mail = renderAlertSummary(alerts, ctx);
		expect(mail.subject).toBe('[ALERTS] 40,000 Off-hours access alerts in acme (1 high)');
		const rows = mail.text.split('\n').filter((l) => l.includes('/alerts/al-'));
		expect(rows).toHaveLength(SUMMARY_ROWS);
		expect(rows[0]).toMatch(/^CRITICAL .*user-7 .*al-7$/);
		// Then the newest: minute 59 first.
		expect(rows[1]).toContain('user-59');
		expect(mail.text).toContain(`and ${(40_000 - SUMMARY_ROWS).toLocaleString('en-US')} more`);
		expect(mail.text).toContain('All of them: https://trailscope.example/alerts?status=open&tenant=acme&rule_id=off_hours_access');
		expect(mail.html).toContain('See all 40,000 in the alert list');
		expect(mail.html.length).toBeLessThan(40_000);
	});

	it('lists every alert of a small burst', () => {
		const mail = renderAlertSummary([alert(1, 'high'), alert(2, 'low')], ctx);
		expect(mail.text.split('\n').filter((l) => l.includes('/alerts/al-'))).toHaveLength(2);
		expect(mail.text).not.toContain('more');
	});
});
