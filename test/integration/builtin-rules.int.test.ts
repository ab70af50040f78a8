import { beforeAll, describe, expect, it } from 'vitest';
import { backtestRule } from '../../src/lib/server/alerts/backtest';
import { builtinRule } from '../../src/lib/server/rules/builtin';
import { saveTenantSettings } from '../../src/lib/server/tenants/tenant-settings';
import { DEFAULT_TENANT_SETTINGS } from '../../src/lib/schemas/tenant-settings';
import { ready } from './helpers';
import { NOW, ago, failures, store } from './rule-events';

/** What a built-in rule would raise in a tenant over the last `hours`. */
async function run(ruleId: string, tenant: string, hours = 30) {
	const rule = builtinRule(ruleId)!;
	return backtestRule(rule, { tenant, from: new Date(NOW.getTime() - hours * 3600e3), to: NOW, now: NOW });
}
const login = (tenant: string, at: string, o: { ip?: string; id?: string } = {}) => ({
	tenant, occurred_at: at, action: 'LOGIN_SUCCESS', category: 'authentication', actor: { id: o.id ?? 'ann', email: `${o.id ?? 'ann'}@example.com` }, ip: o.ip ?? '203.0.113.9'
});
const exported = (tenant: string, at: string, records: number, id = 'exporter') => ({ tenant, occurred_at: at, action: 'DATA_EXPORTED', actor: { id }, details: { records, format: 'csv' } });
const deleted = (tenant: string, n: number, startMin: number, stepSec: number) =>
	Array.from({ length: n }, (_, i) => ({ tenant, occurred_at: ago(startMin - (i * stepSec) / 60), action: 'CONTACT_DELETED', actor: { id: 'cleaner' }, target: { type: 'contact', id: `c${i}` } }));
const roleChange = (tenant: string, at: string, after: string, field = 'role') => ({
	tenant, occurred_at: at, action: 'PERMISSIONS_CHANGED', category: 'authorization', actor: { id: 'boss' }, target: { type: 'user', id: 'u-7' }, changes: { before: { [field]: 'agent' }, after: { [field]: after } }
});

beforeAll(async () => {
	await ready();
	const ips = (i: number) => `198.51.100.${i + 1}`;
	await store([
		...failures('bf-fire', 10, { startMin: 60, account: (i) => `acct${i}` }),
		...failures('bf-quiet', 9, { startMin: 60, account: (i) => `acct${i}` }),
		...failures('bf-other', 5, { startMin: 60 }),
		...failures('bf-slow', 10, { startMin: 60, stepSec: 120 }),
		...failures('spray-fire', 5, { startMin: 100, stepSec: 600, account: (i) => `user${i}` }),
		...failures('spray-quiet', 12, { startMin: 100, stepSec: 60, account: (i) => `user${i % 4}` }),
		...failures('acct-fire', 10, { startMin: 30, account: () => 'target' }).map((e, i) => ({ ...e, ip: ips(i) })),
		...failures('acct-quiet', 9, { startMin: 30, account: () => 'target' }).map((e, i) => ({ ...e, ip: ips(i) })),
		...failures('saf-fire', 5, { startMin: 50, account: (i) => `x${i}` }),
		login('saf-fire', ago(40)),
		...failures('saf-quiet', 4, { startMin: 50, account: (i) => `x${i}` }),
		login('saf-quiet', ago(40)),
		...failures('saf-old', 5, { startMin: 130 }),
		login('saf-old', ago(60)),
		exported('exp-single', ago(120), 10_000),
		...[0, 1, 2, 3, 4, 5].map((k) => exported('exp-sum', ago(600 - k * 60), 9_000)),
		exported('exp-quiet', ago(120), 9_999),
		...[0, 1, 2, 3].map((k) => exported('exp-quiet', ago(600 - k * 60), 9_000)),
		exported('exp-quiet', ago(30), 4_000),
		...Array.from({ length: 28 }, (_, d) => exported('unusual', ago((d + 2) * 1440), 100, 'steady')),
		exported('unusual', ago(120), 1_200, 'steady'),
		...Array.from({ length: 28 }, (_, d) => exported('unusual-quiet', ago((d + 2) * 1440), 100, 'steady')),
		exported('unusual-quiet', ago(120), 900, 'steady'),
		...Array.from({ length: 28 }, (_, d) => exported('unusual-quiet', ago((d + 2) * 1440), 1_000, 'heavy')),
		exported('unusual-quiet', ago(120), 4_000, 'heavy'),
		login('off-fire', '2026-12-02T05:00:00Z'),
		login('off-quiet', '2026-12-02T10:00:00Z'),
		login('off-tokyo', '2026-12-02T05:00:00Z'),
		{ ...login('off-service', '2026-12-02T05:00:00Z', { id: 'svc-nightly' }), actor: { id: 'svc-nightly', type: 'service' } },
		roleChange('priv-high', ago(30), 'admin'),
		roleChange('priv-medium', ago(30), 'supervisor'),
		{ ...roleChange('priv-quiet', ago(30), 'Ann B.', 'display_name'), action: 'USER_UPDATED', category: 'user_management' },
		// Creating a user or key with ordinary rights hands nobody more; creating an administrator does.
		{ ...roleChange('priv-create', ago(30), 'agent'), action: 'user_created', category: 'user_management', changes: { before: null, after: { email: 'kim@example.com', role: 'agent' } } },
		{ ...roleChange('priv-create', ago(29), 'agent'), action: 'api_key_created', category: 'authorization', target: { type: 'api_key', id: 'k-1' }, changes: { before: null, after: { scopes: ['ingest'] } } },
		{ ...roleChange('priv-create-admin', ago(30), 'agent'), action: 'user_created', category: 'user_management', changes: { before: null, after: { email: 'root@example.com', role: 'admin' } } },
		...deleted('del-fire', 50, 30, 6),
		{ tenant: 'del-bulk', occurred_at: ago(20), action: 'bulk_delete', category: 'data_change', actor: { id: 'cleaner' }, details: { count: 50 } },
		...deleted('del-quiet', 49, 30, 6),
		...deleted('del-slow', 50, 30, 24),
		{ tenant: 'del-quiet', occurred_at: ago(200), action: 'bulk_delete', category: 'data_change', actor: { id: 'cleaner' }, details: { count: 49 } },
		...[10, 8, 5, 3].map((d) => login('geo-fire', ago(d * 1440), { ip: '90.0.0.1' })),
		login('geo-fire', ago(30), { ip: '14.161.22.87' }),
		...[10, 8, 5, 3].map((d) => login('geo-quiet', ago(d * 1440), { ip: '90.0.0.1' })),
		login('geo-quiet', ago(30), { ip: '90.0.0.1' }),
		login('geo-quiet', ago(50 * 1440), { ip: '14.161.22.87' })
	]);
	await saveTenantSettings('off-tokyo', { ...DEFAULT_TENANT_SETTINGS, businessHours: { ...DEFAULT_TENANT_SETTINGS.businessHours, timezone: 'Asia/Tokyo' } }, 'test', NOW);
});

describe('built-in rules', () => {
	it('brute_force_ip fires at 10 failures from one IP in 15 minutes, not at 9, not spread out, not from another tenant', async () => {
		const fire = await run('brute_force_ip', 'bf-fire');
		expect(fire.alerts).toBe(1);
		expect(fire.groups[0]).toMatchObject({ group: { ip: '203.0.113.9' }, maxCount: 10 });
		expect((await run('brute_force_ip', 'bf-quiet')).alerts).toBe(0);
		expect((await run('brute_force_ip', 'bf-slow')).alerts).toBe(0);
	});

	it('password_spraying fires at 5 distinct accounts from one IP in an hour, not at 4 accounts tried often', async () => {
		const fire = await run('password_spraying', 'spray-fire');
		expect(fire.groups.map((g) => [g.group.ip, g.maxCount])).toEqual([['203.0.113.9', 5]]);
		expect((await run('password_spraying', 'spray-quiet')).alerts).toBe(0);
	});

	it('account_brute_force fires at 10 failures for one account from many IPs, not at 9', async () => {
		const fire = await run('account_brute_force', 'acct-fire');
		expect(fire.groups.map((g) => [g.group.account, g.maxCount])).toEqual([['target@example.com', 10]]);
		expect((await run('account_brute_force', 'acct-quiet')).alerts).toBe(0);
		expect((await run('brute_force_ip', 'acct-fire')).alerts).toBe(0);
	});

	it('success_after_failures fires on a sign-in after 5 failures from its IP within the hour only', async () => {
		const fire = await run('success_after_failures', 'saf-fire');
		expect(fire.groups.map((g) => [g.group.ip, g.maxCount])).toEqual([['203.0.113.9', 5]]);
		expect((await run('success_after_failures', 'saf-quiet')).alerts).toBe(0);
		expect((await run('success_after_failures', 'saf-old')).alerts).toBe(0);
	});

	it('large_export fires on one export of 10,000 or 50,000 in a day, not on 9,999 or 49,999', async () => {
		expect((await run('large_export', 'exp-single')).groups.map((g) => [g.group.actor, g.maxCount])).toEqual([['exporter', 10_000]]);
		const sum = await run('large_export', 'exp-sum');
		expect(sum.alerts).toBe(1);
		expect(sum.groups[0].maxCount).toBe(54_000);
		expect((await run('large_export', 'exp-quiet')).alerts).toBe(0);
	});

	it('unusual_export_volume fires at 5x the daily average and 1,000 records, not under either', async () => {
		const fire = await run('unusual_export_volume', 'unusual');
		expect(fire.groups.map((g) => [g.group.actor, g.maxCount])).toEqual([['steady', 1_200]]);
		expect((await run('unusual_export_volume', 'unusual-quiet')).alerts).toBe(0);
	});

	it("off_hours_access fires outside the tenant's business hours, in the tenant's zone", async () => {
		expect((await run('off_hours_access', 'off-fire', 10)).groups.map((g) => g.group.actor)).toEqual(['ann']);
		expect((await run('off_hours_access', 'off-quiet', 10)).alerts).toBe(0);
		expect((await run('off_hours_access', 'off-tokyo', 10)).alerts).toBe(0);
		// Service accounts run their jobs at night by design; the built-in rule leaves them out.
		expect((await run('off_hours_access', 'off-service', 10)).alerts).toBe(0);
	});

	it('privilege_escalation is high for an admin grant, medium for another role change, quiet otherwise', async () => {
		const rule = builtinRule('privilege_escalation')!;
		const groups = async (t: string) => (await run('privilege_escalation', t)).groups.map((g) => g.group);
		expect(await groups('priv-high')).toEqual([{ actor: 'boss', target: 'user:u-7' }]);
		expect(await groups('priv-medium')).toEqual([{ actor: 'boss', target: 'user:u-7' }]);
		expect(await groups('priv-quiet')).toEqual([]);
		expect(await groups('priv-create')).toEqual([]);
		expect(await groups('priv-create-admin')).toEqual([{ actor: 'boss', target: 'user:u-7' }]);
		const { listRuleHits } = await import('../../src/lib/server/queries/rules/list-rule-hits');
		const hits = async (tenant: string) => listRuleHits(rule, [{ tenant, ranges: [{ from: new Date(NOW.getTime() - 3600e3), to: NOW }], businessHours: DEFAULT_TENANT_SETTINGS.businessHours }]);
		expect((await hits('priv-high')).map((h) => h.escalated)).toEqual([true]);
		expect((await hits('priv-medium')).map((h) => h.escalated)).toEqual([false]);
		expect((await hits('priv-create-admin')).map((h) => h.escalated)).toEqual([true]);
	});

	it('mass_deletion fires at 50 deletions in 10 minutes or a bulk of 50, not at 49 or spread out', async () => {
		expect((await run('mass_deletion', 'del-fire')).groups.map((g) => [g.group.actor, g.maxCount])).toEqual([['cleaner', 50]]);
		expect((await run('mass_deletion', 'del-bulk')).alerts).toBe(1);
		expect((await run('mass_deletion', 'del-quiet')).alerts).toBe(0);
		expect((await run('mass_deletion', 'del-slow')).alerts).toBe(0);
	});

	it('new_country fires on a sign-in from a country not seen in 30 days, not on a known one', async () => {
		const fire = await run('new_country', 'geo-fire', 2);
		expect(fire.groups.map((g) => g.group)).toEqual([{ account: 'ann@example.com', country: 'VN' }]);
		expect((await run('new_country', 'geo-quiet', 2)).alerts).toBe(0);
	});
});
