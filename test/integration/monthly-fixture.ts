import { expect } from 'vitest';
import { POST } from '../../src/routes/api/v1/events/+server';
import { saveTenantSettings } from '../../src/lib/server/tenants/tenant-settings';
import { DEFAULT_TENANT_SETTINGS } from '../../src/lib/schemas/tenant-settings';
import { call } from './helpers';
import { recordAudit } from '../../src/lib/server/audit/record-audit';
import { insertAlerts } from '../../src/lib/server/queries/alerts/insert-alerts';
import type { Alert } from '../../src/lib/server/rules/decide';

const d = (iso: string) => new Date(iso);
function alert(id: string, ruleId: string, ruleName: string, severity: Alert['severity'], raised: string, tenant = TENANT): Alert {
	return {
		id, tenant, ruleId, ruleName, severity, status: 'open', groupFields: ['ip'], groupValues: ['203.0.113.9'], groupKey: '["203.0.113.9"]', count: 10, threshold: 10,
		windowStart: d(raised), windowEnd: d(raised), firstSeen: d(raised), lastSeen: d(raised), eventIds: [], evidenceCount: 10, groupLabels: ['203.0.113.9'], incidentId: id, evidenceQuery: '', createdAt: d(raised), updatedAt: d(raised),
		statusBy: '', statusComment: '', statusAt: null, version: 1
	};
}
const moved = (a: Alert, status: Alert['status'], at: string, version: number): Alert => ({ ...a, status, statusAt: d(at), updatedAt: d(at), statusBy: 'analyst@acme.test', version });

/**
 * Alerts of November: a brute force acknowledged after 30 minutes and resolved after 2 hours, one
 * resolved after 60 minutes without acknowledgement, and one still open; one from October.
 */
export function fixtureAlerts(): Alert[] {
	const brute = alert('al-1', 'brute_force_ip', 'Brute force by IP', 'high', '2026-11-10T14:15:00.000Z');
	const mass = alert('al-2', 'mass_deletion', 'Mass deletion', 'high', '2026-11-18T15:05:00.000Z');
	return [
		brute, moved(brute, 'acknowledged', '2026-11-10T14:45:00.000Z', 2), moved(brute, 'resolved', '2026-11-10T16:15:00.000Z', 3),
		mass, moved(mass, 'resolved', '2026-11-18T16:05:00.000Z', 2),
		alert('al-3', 'off_hours_access', 'Off-hours access', 'medium', '2026-11-14T15:00:00.000Z'),
		alert('al-0', 'brute_force_ip', 'Brute force by IP', 'high', '2026-10-20T10:00:00.000Z'),
		alert('al-x', 'brute_force_ip', 'Brute force by IP', 'high', '2026-11-10T14:00:00.000Z', 'other')
	];
}

/**
 * A month of known events for tenant `acme`, which works in America/New_York: November 2026 there
 * runs from 2026-11-01T04:00Z (EDT, and the clocks go back that night) to 2026-12-01T05:00Z (EST).
 * The same kinds of events in tenant `other` must never show in acme's report.
 */
export const TENANT = 'acme';
export const ZONE = 'America/New_York';
export const MONTH = '2026-11';

const fail = (at: string, ip: string, who: string, tenant = TENANT) => ({ tenant, occurred_at: at, action: 'login_failed', outcome: 'failure', ip, actor: { email: who }, reason: 'Invalid password' });
const nov = (day: number, hhmm: string, s = 0) => `2026-11-${String(day).padStart(2, '0')}T${hhmm}:${String(s).padStart(2, '0')}.000Z`;

export function fixtureEvents() {
	const events: Record<string, unknown>[] = [
		fail('2026-11-01T03:59:59.999Z', '203.0.113.9', 'a@acme.test'), // 23:59:59 on 31 October in New York: October
		fail('2026-11-01T04:00:00.000Z', '203.0.113.9', 'a@acme.test'), // the first instant of November there
		fail('2026-12-01T04:59:59.999Z', '203.0.113.9', 'b@acme.test'), // the last millisecond of November there
		fail('2026-12-01T05:00:00.000Z', '203.0.113.9', 'b@acme.test'), // December
		...Array.from({ length: 5 }, (_, i) => fail(nov(10, '14:0' + i), '203.0.113.9', 'c@acme.test')),
		...Array.from({ length: 5 }, (_, i) => fail(nov(10, '14:1' + i), '203.0.113.9', 'a@acme.test')),
		...Array.from({ length: 3 }, (_, i) => fail(nov(11, '15:0' + i), '198.51.100.7', 'd@acme.test')),
		{ tenant: TENANT, occurred_at: nov(10, '15:00'), action: 'login', outcome: 'success', ip: '203.0.113.9', actor: { email: 'c@acme.test' } },
		{ tenant: TENANT, occurred_at: nov(12, '14:00'), action: 'user.session.start', outcome: 'success', ip: '192.0.2.10', actor: { email: 'e@acme.test', name: 'Eve Example' } },
		{ tenant: TENANT, occurred_at: nov(12, '18:00'), action: 'logout', outcome: 'success', ip: '192.0.2.10', actor: { email: 'e@acme.test' } },
		// Saturday 14 November, 10:00 in New York: outside business hours.
		{ tenant: TENANT, occurred_at: nov(14, '15:00'), action: 'login', outcome: 'success', ip: '192.0.2.10', actor: { email: 'e@acme.test' } },
		{ tenant: TENANT, occurred_at: nov(12, '15:00'), action: 'contacts.export', category: 'data_export', actor: { email: 'e@acme.test' }, target: { type: 'report', name: 'All contacts' }, details: { records: 5000, bytes: 2097152, format: 'csv' } },
		{ tenant: TENANT, occurred_at: nov(13, '15:00'), action: 'contacts.export', category: 'data_export', actor: { email: 'e@acme.test' }, details: { records: 1200, bytes: 524288, format: 'csv' } },
		{ tenant: TENANT, occurred_at: nov(20, '16:00'), action: 'DATA_EXPORTED', category: 'data_export', actor: { email: 'f@acme.test' }, target: { type: 'table', name: '=HYPERLINK("x")' }, details: { records: 20000, bytes: 10485760, format: 'json' } },
		{ tenant: TENANT, occurred_at: '2026-10-15T15:00:00.000Z', action: 'contacts.export', category: 'data_export', actor: { email: 'e@acme.test' }, details: { records: 100 } },
		{ tenant: TENANT, occurred_at: nov(5, '14:00'), action: 'user.role_changed', category: 'user_management', actor: { email: 'admin@acme.test' }, target: { type: 'user', id: 'u-e', name: 'e@acme.test' }, changes: { before: { role: 'agent', name: 'Eve' }, after: { role: 'admin', name: 'Eve' } } },
		// 23:30 on 30 November in New York: the month's last day, and off hours.
		{ tenant: TENANT, occurred_at: '2026-12-01T04:30:00.000Z', action: 'permissions.updated', category: 'authorization', actor: { email: 'admin@acme.test' }, target: { type: 'user', id: 'u-f', name: 'f@acme.test' }, changes: { before: { permissions: ['read'] }, after: { permissions: ['read', 'export'] } } },
		{ tenant: TENANT, occurred_at: nov(6, '15:00'), action: 'settings.updated', category: 'configuration', actor: { email: 'admin@acme.test' }, target: { type: 'setting', name: 'Security policy' }, changes: { before: { mfa_required: true }, after: { mfa_required: false } } },
		...Array.from({ length: 55 }, (_, i) => ({ tenant: TENANT, occurred_at: nov(18, '15:0' + Math.floor(i / 12), (i % 12) * 5), action: 'contact.deleted', actor: { email: 'g@acme.test' }, target: { type: 'contact', id: `c-${i}` } })),
		{ tenant: TENANT, occurred_at: nov(25, '15:00'), action: 'contact.deleted', actor: { email: 'e@acme.test' }, target: { type: 'contact', id: 'c-x' } },
		// Another tenant, same kinds of events, same days.
		fail(nov(10, '14:00'), '203.0.113.9', 'z@other.test', 'other'),
		{ tenant: 'other', occurred_at: nov(5, '14:00'), action: 'user.role_changed', category: 'user_management', actor: { email: 'root@other.test' }, changes: { before: { role: 'agent' }, after: { role: 'owner' } } },
		{ tenant: 'other', occurred_at: nov(12, '15:00'), action: 'contacts.export', category: 'data_export', actor: { email: 'z@other.test' }, details: { records: 999999 } }
	];
	return events;
}

/** Events of acme stored with a time in November in New York. */
export const NOVEMBER_EVENTS = fixtureEvents().filter(
	(e) => e.tenant === TENANT && String(e.occurred_at) >= '2026-11-01T04:00:00.000Z' && String(e.occurred_at) < '2026-12-01T05:00:00.000Z'
).length;

export async function loadFixture() {
	await saveTenantSettings(TENANT, { ...DEFAULT_TENANT_SETTINGS, businessHours: { ...DEFAULT_TENANT_SETTINGS.businessHours, timezone: ZONE }, reportRecipients: ['auditor@acme.test'] }, 'test');
	const r = await call(POST, '/api/v1/events', { body: fixtureEvents() });
	expect(r.status, JSON.stringify(r.json)).toBe(202);
	// One insert per version, as the alert lifecycle writes them, and the audit trail of each change.
	for (const a of fixtureAlerts()) await insertAlerts([a]);
	for (const a of fixtureAlerts().filter((x) => x.status !== 'open')) {
		const action = a.status === 'acknowledged' ? 'alert_acknowledged' : 'alert_resolved';
		await recordAudit({ actor: { id: 'u-an', email: 'analyst@acme.test', type: 'user' }, action, category: 'system', target: { type: 'alert', id: a.id, name: a.ruleName } }, a.statusAt!);
	}
}
