import { beforeAll, describe, expect, it } from 'vitest';
import { buildMonthlyReport } from '../../src/lib/server/monthly/build-report';
import type { MonthlyReport } from '../../src/lib/monthly/model';
import { ready } from './helpers';
import { loadFixture, MONTH, NOVEMBER_EVENTS, TENANT, ZONE } from './monthly-fixture';

let report: MonthlyReport;
const figure = (key: string) => report.summary.find((f) => f.key === key);

beforeAll(async () => {
	await ready();
	await loadFixture();
	report = (await buildMonthlyReport(TENANT, MONTH, new Date('2026-12-02T10:00:00Z'))).report;
});

describe('buildMonthlyReport', () => {
	it('covers the calendar month in the tenant zone, first and last millisecond included', () => {
		expect(report.timezone).toBe(ZONE);
		expect([report.from, report.to]).toEqual(['2026-11-01T04:00:00.000Z', '2026-12-01T05:00:00.000Z']);
		expect(report.complete).toBe(true);
		expect(report.days).toHaveLength(30);
		expect(report.days[0]).toEqual({ day: '2026-11-01', events: 1, failedSignIns: 1 });
		expect(report.days[29]).toEqual({ day: '2026-11-30', events: 2, failedSignIns: 1 });
		expect(report.days.reduce((n, d) => n + d.events, 0)).toBe(NOVEMBER_EVENTS);
	});

	it('counts every summary figure against the previous month', () => {
		const values = Object.fromEntries(report.summary.map((f) => [f.key, [f.value, f.previous]]));
		expect(values).toEqual({
			events: [NOVEMBER_EVENTS, 2],
			active_users: [5, 1], // accounts with a successful event: c e f g admin; e in October
			sign_ins: [3, 0],
			failed_sign_ins: [15, 1],
			exports: [3, 1],
			exported_records: [26200, 100],
			privilege_changes: [2, 0],
			configuration_changes: [1, 0],
			deletions: [56, 0],
			alerts: [3, 1],
			alerts_open: [1, 1]
		});
		expect(figure('failed_sign_ins')?.href).toContain('outcome=failure');
	});

	it('lists failed sign-ins by IP with the accounts targeted and a success after', () => {
		expect(report.failedLogins.map((f) => [f.ip, f.failures, f.accounts, [...f.accountNames].sort(), f.successAfter])).toEqual([
			['203.0.113.9', 12, 3, ['a@acme.test', 'b@acme.test', 'c@acme.test'], true],
			['198.51.100.7', 3, 1, ['d@acme.test'], false]
		]);
		expect(report.failedLogins[0].firstSeen).toBe('2026-11-01T04:00:00.000Z');
		expect(report.failedLogins[0].lastSeen).toBe('2026-12-01T04:59:59.999Z');
	});

	it('lists exports by user and the largest single exports', () => {
		expect(report.exports).toMatchObject({ count: 3, records: 26200, bytes: 2097152 + 524288 + 10485760 });
		expect(report.exports.byUser.map((u) => [u.actor, u.exports, u.records])).toEqual([['f@acme.test', 1, 20000], ['e@acme.test', 2, 6200]]);
		expect(report.exports.largest.map((x) => x.records)).toEqual([20000, 5000, 1200]);
	});

	it('lists every privilege and configuration change with before and after', () => {
		expect(report.privilegeChanges.map((c) => [c.occurredAt, c.actor, c.target, c.before, c.after])).toEqual([
			['2026-11-05T14:00:00.000Z', 'admin@acme.test', 'e@acme.test', 'role: agent', 'role: admin'],
			['2026-12-01T04:30:00.000Z', 'admin@acme.test', 'f@acme.test', 'permissions: ["read"]', 'permissions: ["read","export"]']
		]);
		expect(report.configurationChanges.map((c) => [c.target, c.before, c.after])).toEqual([['Security policy', 'mfa_required: true', 'mfa_required: false']]);
	});

	it('finds off-hours activity and the mass deletion', () => {
		expect(report.offHoursTotal).toBe(2);
		expect(report.offHours.map((o) => [o.occurredAt, o.action])).toEqual([
			['2026-11-14T15:00:00.000Z', 'login'],
			['2026-12-01T04:30:00.000Z', 'permissions.updated']
		]);
		expect(report.deletions.count).toBe(56);
		expect(report.deletions.byActor.map((a) => [a.actor, a.deletions])).toEqual([['g@acme.test', 55], ['e@acme.test', 1]]);
		expect(report.massDeletions.map((m) => [m.actor, m.deletions, m.start, m.end])).toEqual([['g@acme.test', 55, '2026-11-18T15:00:00.000Z', '2026-11-18T15:04:30.000Z']]);
	});

	it('counts alerts by severity and by rule, with acknowledgement and resolution times', () => {
		expect(report.alerts.bySeverity).toEqual([
			{ severity: 'high', raised: 2, previous: 1, open: 0 },
			{ severity: 'medium', raised: 1, previous: 0, open: 1 }
		]);
		expect(report.alerts.byRule.map((a) => [a.ruleId, a.raised, a.open, a.acknowledged, a.resolved, a.meanAckMinutes, a.meanResolveMinutes])).toEqual([
			['brute_force_ip', 1, 0, 1, 1, 30, 120],
			['mass_deletion', 1, 0, 1, 1, 60, 60],
			['off_hours_access', 1, 1, 0, 0, null, null]
		]);
	});

	it('shows nothing of another tenant', () => {
		const text = JSON.stringify(report);
		expect(text).not.toContain('other.test');
		expect(text).not.toContain('999999');
	});
});
