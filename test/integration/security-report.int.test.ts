import { beforeAll, describe, expect, it } from 'vitest';
import { GET as EVENTS_API, POST } from '../../src/routes/api/v1/events/+server';
import { getSecurityReport, type SecurityReport } from '../../src/lib/server/reports/security-report';
import { getPeriodTotals } from '../../src/lib/server/reports/period-totals';
import { saveTenantSettings } from '../../src/lib/server/tenants/tenant-settings';
import { updateRule } from '../../src/lib/server/alerts/rule-store';
import { call, ready } from './helpers';
import { ATTACKER, EDGE_IP, EVENTS, OCTOBER, PARIS_HOURS, TENANT } from './report-fixtures';

const PARIS = 'Europe/Paris';
const month = { scope: '*' as const, tenant: TENANT, ...OCTOBER, timezone: PARIS };
let report: SecurityReport;

/** How many events the timeline (GET /api/v1/events) shows for a report row's query. */
async function shown(query: string): Promise<number> {
	const r = await call(EVENTS_API, `/api/v1/events?${query}&limit=1000`);
	expect(r.status).toBe(200);
	return r.json.events.length;
}

beforeAll(async () => {
	await ready();
	await saveTenantSettings(TENANT, { businessHours: PARIS_HOURS, reportRecipients: [], alertRecipients: [] }, 'test');
	expect((await call(POST, '/api/v1/events', { body: EVENTS })).status).toBe(202);
	report = await getSecurityReport(month);
});

describe('the security report of a calendar month in Paris', () => {
	it('states its period in the zone, across the change to winter time', () => {
		expect(report.period).toEqual({ from: '2026-10-01T00:00:00.000+02:00', to: '2026-11-01T00:00:00.000+01:00', timezone: PARIS });
		expect(report.business_hours).toEqual([{ tenant: TENANT, ...PARIS_HOURS }]);
	});

	it('counts every kind, the month edges included on the left and excluded on the right', async () => {
		const inMonth = EVENTS.filter((e) => e.tenant === TENANT && Date.parse(e.occurred_at) >= OCTOBER.from.getTime() && Date.parse(e.occurred_at) < OCTOBER.to.getTime());
		expect(inMonth).toHaveLength(41);
		const totals = { events: 41, active_users: 10, sign_ins: 3, failed_sign_ins: 10, exports: 6, exported_records: 32700, exported_bytes: 1_205_000, privilege_changes: 2, configuration_changes: 1, deletions: 14 };
		expect(report.totals).toMatchObject({ ...totals, deleted_items: 18 });
		expect(await getPeriodTotals(month)).toEqual(totals);
		expect(await shown(report.totals.events_query)).toBe(41);
	});

	it('lists failed logins by address with accounts, first and last seen, country and success after', async () => {
		const [attacker, ...rest] = report.failed_logins_by_ip;
		expect(attacker).toMatchObject({ ip: ATTACKER, failures: 5, accounts: 3, first_seen: '2026-10-25T02:10:00.000+02:00', last_seen: '2026-10-25T03:30:00.000+01:00', success_after: true });
		expect(attacker.country).toMatch(/^[A-Z]{2}$/);
		// Equal counts: by address, lowest first.
		expect(rest.map(({ events_query, ...r }) => r)).toEqual([
			{ ip: '198.51.100.7', failures: 2, accounts: 1, first_seen: '2026-10-10T10:00:00.000+02:00', last_seen: '2026-10-10T10:05:00.000+02:00', country: null, success_after: false },
			{ ip: EDGE_IP, failures: 2, accounts: 1, first_seen: '2026-10-01T00:00:00.000+02:00', last_seen: '2026-10-31T23:59:59.999+01:00', country: null, success_after: false }
		]);
		for (const r of report.failed_logins_by_ip) expect(await shown(r.events_query)).toBe(r.failures);
		expect(report.failed_logins_by_country.map(({ events_query, ...r }) => r)).toEqual([
			{ country: attacker.country, failures: 5, ips: 1, accounts: 3 },
			{ country: null, failures: 4, ips: 2, accounts: 2 }
		]);
		for (const r of report.failed_logins_by_country) expect(await shown(r.events_query)).toBe(r.failures);
	});

	it('draws failures per Paris day, the 25th lasting 25 hours, and each point opens its events', async () => {
		const series = report.failed_logins_over_time;
		expect(series).toHaveLength(31);
		expect(series[0]).toMatchObject({ from: '2026-10-01T00:00:00.000+02:00', to: '2026-10-02T00:00:00.000+02:00', failures: 1 });
		expect(series[24]).toMatchObject({ from: '2026-10-25T00:00:00.000+02:00', to: '2026-10-26T00:00:00.000+01:00', failures: 5 });
		expect(series[30]).toMatchObject({ from: '2026-10-31T00:00:00.000+01:00', to: '2026-11-01T00:00:00.000+01:00', failures: 1 });
		expect(Object.fromEntries(series.filter((s) => s.failures).map((s) => [s.from.slice(0, 10), s.failures]))).toEqual({ '2026-10-01': 1, '2026-10-10': 2, '2026-10-15': 1, '2026-10-25': 5, '2026-10-31': 1 });
		for (const s of series.filter((x) => x.failures)) expect(await shown(s.events_query)).toBe(s.failures);
	});

	it('sums exports by user and over time, lists the largest, and flags volume far above the usual', async () => {
		const e = report.exports;
		expect([e.count, e.records, e.bytes]).toEqual([6, 32700, 1_205_000]);
		expect(await shown(e.events_query)).toBe(6);
		expect(e.by_user.map(({ events_query, ...r }) => r)).toEqual([
			{ actor: 'dave@acme.example', exports: 1, records: 20000, bytes: 0 },
			{ actor: 'bob@acme.example', exports: 2, records: 6000, bytes: 1_200_000 },
			{ actor: 'hank@acme.example', exports: 1, records: 5000, bytes: 0 },
			{ actor: 'gina@acme.example', exports: 1, records: 1500, bytes: 0 },
			{ actor: 'carol@acme.example', exports: 1, records: 200, bytes: 5000 }
		]);
		for (const r of e.by_user) expect(await shown(r.events_query)).toBe(r.exports);
		expect(e.largest.map((r) => [r.actor, r.records, r.bytes, r.occurred_at])).toEqual([
			['dave@acme.example', 20000, 0, '2026-10-21T12:00:00.000+02:00'],
			['bob@acme.example', 5000, 1_000_000, '2026-10-13T12:00:00.000+02:00'],
			['hank@acme.example', 5000, 0, '2026-10-19T13:00:00.000+02:00'],
			['gina@acme.example', 1500, 0, '2026-10-19T12:00:00.000+02:00'],
			['bob@acme.example', 1000, 200_000, '2026-10-14T12:00:00.000+02:00'],
			['carol@acme.example', 200, 5000, '2026-10-20T12:00:00.000+02:00']
		]);
		for (const r of e.largest) expect(await shown(r.events_query)).toBe(1);
		// October in Paris lasts 745 hours; dave's usual is 300 records / 30 days = 10 a day.
		expect(e.unusual.map(({ events_query, ...r }) => r)).toEqual([
			{ actor: 'gina@acme.example', records: 1500, usual_daily_records: 0, expected_records: 0, ratio: null },
			{ actor: 'dave@acme.example', records: 20000, usual_daily_records: 10, expected_records: 310.4, ratio: 64.4 }
		]);
		// Judged with the unusual_export_volume rule's settings, which the report states.
		expect(report.rules.unusual_exports).toEqual({ rule_id: 'unusual_export_volume', factor: 5, baseline_days: 30, min_records: 1000 });
		expect(e.over_time.filter((s) => s.exports).map((s) => [s.from.slice(0, 10), s.exports, s.records, s.bytes])).toEqual([
			['2026-10-13', 1, 5000, 1_000_000],
			['2026-10-14', 1, 1000, 200_000],
			['2026-10-19', 2, 6500, 0],
			['2026-10-20', 1, 200, 5000],
			['2026-10-21', 1, 20000, 0]
		]);
		for (const s of e.over_time.filter((x) => x.exports)) expect(await shown(s.events_query)).toBe(s.exports);
	});

	it('shows who changed whose rights and which settings, from what to what', async () => {
		expect(report.privilege_changes.map(({ events_query, id, ...r }) => r)).toEqual([
			{ occurred_at: '2026-10-27T21:00:00.000+01:00', actor: 'admin@acme.example', actor_name: null, action: 'user.role_changed', target: { type: 'user', id: 'u5', name: 'Una Five' }, before: { role: 'agent' }, after: { role: 'admin' }, elevation: true },
			{ occurred_at: '2026-10-05T11:00:00.000+02:00', actor: 'admin@acme.example', actor_name: null, action: 'permission.granted', target: { type: 'user', id: 'u6', name: null }, before: { permissions: ['read'] }, after: { permissions: ['read', 'write'] }, elevation: false }
		]);
		expect(report.configuration_changes.map(({ events_query, id, ...r }) => r)).toEqual([
			{ occurred_at: '2026-10-06T11:00:00.000+02:00', actor: 'admin@acme.example', actor_name: null, action: 'settings.updated', setting: 'session_timeout', target: { type: 'workspace', id: 'w1', name: null }, before: { session_timeout: 30 }, after: { session_timeout: 60 } }
		]);
		for (const r of [...report.privilege_changes, ...report.configuration_changes]) expect(await shown(r.events_query)).toBe(1);
	});

	it('counts deletions by user and entity type and highlights the burst', async () => {
		const d = report.deletions;
		expect([d.count, d.items]).toEqual([14, 18]);
		expect(d.by_actor.map(({ events_query, ...r }) => r)).toEqual([
			{ actor: 'erin@acme.example', deletions: 13, items: 13, exact: true },
			{ actor: 'frank@acme.example', deletions: 1, items: 5, exact: true }
		]);
		expect(d.by_entity_type.map(({ events_query, ...r }) => r)).toEqual([
			{ entity_type: 'contact', deletions: 12, items: 12, exact: true },
			{ entity_type: 'document', deletions: 1, items: 5, exact: true },
			{ entity_type: 'report', deletions: 1, items: 1, exact: true }
		]);
		for (const r of [...d.by_actor, ...d.by_entity_type]) expect(await shown(r.events_query)).toBe(r.deletions);
		// Bursts are mass deletions as the mass_deletion rule measures them: 12 deletions is below its 50.
		expect(report.rules.mass_deletion).toEqual({ rule_id: 'mass_deletion', deletions: 50, window_minutes: 10, single_items: 50 });
		expect(d.bursts).toEqual([]);
	});

	it('finds bursts with the mass_deletion rule as edited, and says which settings it used', async () => {
		await updateRule('mass_deletion', { threshold: 10 }, { id: 'test', type: 'system' });
		try {
			const edited = await getSecurityReport(month);
			expect(edited.rules.mass_deletion).toEqual({ rule_id: 'mass_deletion', deletions: 10, window_minutes: 10, single_items: 50 });
			// 12 deletions a minute apart; erin's 13th, hours later, is a run of its own and too small.
			expect(edited.deletions.bursts.map(({ events_query, ...r }) => r)).toEqual([
				{ actor: 'erin@acme.example', from: '2026-10-22T11:00:00.000+02:00', to: '2026-10-22T11:11:00.000+02:00', deletions: 12, items: 12, exact: true }
			]);
			for (const r of edited.deletions.bursts) expect(await shown(r.events_query)).toBe(r.deletions);
		} finally {
			await updateRule('mass_deletion', { threshold: 50 }, { id: 'test', type: 'system' });
		}
	});

	it('lists sign-ins and sensitive actions outside Paris business hours', async () => {
		expect(report.off_hours.map((r) => [r.occurred_at, r.kinds, r.actor])).toEqual([
			['2026-10-27T21:00:00.000+01:00', ['privilege_change'], 'admin@acme.example'],
			['2026-10-25T03:40:00.000+01:00', ['sign_in'], 'u3@acme.example'],
			['2026-10-23T20:30:00.000+02:00', ['deletion'], 'frank@acme.example'],
			['2026-10-10T09:00:00.000+02:00', ['sign_in'], 'anna@acme.example']
		]);
		expect(report.off_hours_summary).toEqual({ events: 4, sign_ins: 2, exports: 0, privilege_changes: 1, configuration_changes: 0, deletions: 1, accounts: 4 });
		for (const r of report.off_hours) expect(await shown(r.events_query)).toBe(1);
	});
});

describe('a custom period that cuts hours and quarter hours across the repeated 02:00', () => {
	const q = { scope: '*' as const, tenant: TENANT, from: new Date('2026-10-25T00:07:30Z'), to: new Date('2026-10-25T02:52:10Z'), timezone: PARIS };

	it('buckets per absolute hour in the zone and stays exact at both ends', async () => {
		const r = await getSecurityReport(q);
		expect(r.failed_logins_over_time.map(({ events_query, ...s }) => s)).toEqual([
			{ from: '2026-10-25T02:07:30.000+02:00', to: '2026-10-25T02:00:00.000+01:00', failures: 2 },
			{ from: '2026-10-25T02:00:00.000+01:00', to: '2026-10-25T03:00:00.000+01:00', failures: 2 },
			{ from: '2026-10-25T03:00:00.000+01:00', to: '2026-10-25T03:52:10.000+01:00', failures: 1 }
		]);
		for (const s of r.failed_logins_over_time) expect(await shown(s.events_query)).toBe(s.failures);
		expect(r.failed_logins_by_ip.map(({ events_query, country, ...x }) => x)).toEqual([
			{ ip: ATTACKER, failures: 5, accounts: 3, first_seen: '2026-10-25T02:10:00.000+02:00', last_seen: '2026-10-25T03:30:00.000+01:00', success_after: true }
		]);
		expect(r.totals).toMatchObject({ events: 6, failed_sign_ins: 5, sign_ins: 1, active_users: 1 });
	});

	it('counts an event at the very start and leaves out one just before', async () => {
		const t = await getPeriodTotals({ ...q, from: new Date('2026-10-10T08:05:00.000Z'), to: new Date('2026-10-10T08:05:00.001Z') });
		expect(t).toMatchObject({ events: 1, failed_sign_ins: 1 });
	});
});

describe('scoping', () => {
	it('keeps other tenants out, and refuses a tenant outside the scope', async () => {
		const r = await getSecurityReport({ ...month, tenant: undefined, scope: [TENANT] });
		expect(r.totals.events).toBe(41);
		await expect(getSecurityReport({ ...month, scope: ['other'] })).rejects.toThrow(/tenant/);
		const other = await getPeriodTotals({ ...month, tenant: 'other' });
		expect(other).toMatchObject({ events: 2, failed_sign_ins: 1, exports: 1, exported_records: 99999 });
	});
});
