import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { startScheduler } from '../../jobs/scheduler';
import { evaluateRules as evaluateRulesJob } from '../../jobs/evaluate-rules';
import { evaluateRules } from '../../src/lib/server/alerts/evaluate-rules';
import { updateRule } from '../../src/lib/server/alerts/rule-store';
import { runRuleJob } from '../../src/lib/server/alerts/rule-job';
import { query } from '../../src/lib/server/clickhouse/query';
import type { Mailer } from '../../src/lib/server/mail/mailer';
import { listAlerts } from '../../src/lib/server/queries/alerts/list-alerts';
import { builtinRule } from '../../src/lib/server/rules/builtin';
import { saveTenantSettings } from '../../src/lib/server/tenants/tenant-settings';
import { DEFAULT_TENANT_SETTINGS } from '../../src/lib/schemas/tenant-settings';
import { store } from './rule-events';
import { startRuleTestbed } from './rule-testbed';

const T0 = new Date('2026-12-02T10:00:30Z');
const at = (min: number) => new Date(T0.getTime() + min * 60_000);
const system = { id: 'test', type: 'system' as const };
let smtp: Awaited<ReturnType<typeof startRuleTestbed>>['smtp'];

const failure = (tenant: string, min: number, ip: string, actor = 'victim') => ({ tenant, occurred_at: at(min).toISOString(), action: 'login_failed', outcome: 'failure', actor: { id: actor, email: `${actor}@example.com` }, ip });
const Runs = z.object({ window_from: z.string(), window_to: z.string(), windows: z.coerce.number() });
const runsOf = (rule: string, tenant: string) =>
	query({ name: 'test.runs', row: Runs, params: { rule, tenant }, sql: `SELECT toString(window_from) AS window_from, toString(window_to) AS window_to, windows FROM rule_runs WHERE rule_id = {rule:String} AND tenant = {tenant:String} AND error = '' AND windows > 0 ORDER BY started_at` });
let mailerFor: () => Mailer;
let mailTo: (tenant: string) => Awaited<ReturnType<typeof startRuleTestbed>>['smtp']['received'];

beforeAll(async () => {
	({ smtp, mailer: mailerFor, mailsOf: mailTo } = await startRuleTestbed());
	await saveTenantSettings('acme', { ...DEFAULT_TENANT_SETTINGS, alertRecipients: ['acme-sec@example.com'], businessHours: { ...DEFAULT_TENANT_SETTINGS.businessHours, timezone: 'Europe/Paris' } }, 'test', T0);
	await updateRule('brute_force_ip', { recipients: ['netops@example.com'] }, system, {}, T0);
	// Every test below starts from marks at T0: what the store held before is read once here.
	await runRuleJob(T0, mailerFor());
});
afterAll(() => smtp.close());

describe('the rule job, after an attack that arrived while the scheduler was stopped', () => {
	// Each test below reads what this one scenario stored and sent, so any of them runs alone.
	beforeAll(async () => {
		let clock = at(21);
		// Down for 20 minutes while an attack happens; its events arrive at once when it is back.
		await store([...Array.from({ length: 12 }, (_, i) => failure('acme', 5 + i / 4, '203.0.113.9')), failure('acme', 6, '203.0.113.9', '<img src=x onerror=alert(1)>')], at(21));
		const scheduler = startScheduler([evaluateRulesJob], () => clock);
		await scheduler.runNow('evaluate-rules');
		clock = at(21.5);
		await scheduler.runNow('evaluate-rules');
		await scheduler.stop();
	});

	it('evaluates what arrived, once, as one incident with one email', async () => {
		// The windows of the minutes the attack happened in, evaluated once: the second tick re-reads
		// the settle time but finds nothing new in those minutes.
		const runs = await runsOf('brute_force_ip', 'acme');
		expect(runs.map((r) => `${r.window_from} ${r.window_to}`)).toEqual(['2026-12-02 10:05:00.000 2026-12-02 10:23:00.000']);
		const alerts = await listAlerts('*', { tenant: 'acme', since: at(-60), limit: 50 });
		const brute = alerts.find((a) => a.ruleId === 'brute_force_ip')!;
		expect([brute.severity, brute.groupValues, brute.count, brute.evidenceCount, brute.incidentId]).toEqual(['high', ['203.0.113.9'], 13, 13, brute.id]);
		// The same failures against one account are the same incident, not a second alert to handle.
		const account = alerts.find((a) => a.ruleId === 'account_brute_force')!;
		expect([account.count, account.incidentId]).toEqual([12, brute.id]);
		expect(mailTo('acme').map((r) => r.mail.subject)).toEqual(['[HIGH] Brute force by IP: 13 failed sign-ins from 203.0.113.9 in 15 min']);
	});

	it('puts the rule, window in both zones, group, count, related alerts, samples and an exact link in the email, escaped', async () => {
		const mail = mailTo('acme').find((r) => r.mail.subject?.startsWith('[HIGH]'))!;
		expect(mail.envelopeTo.sort()).toEqual(['acme-sec@example.com', 'netops@example.com', 'oncall@example.com']);
		const text = mail.mail.text!;
		expect(text).toContain('Rule: Brute force by IP (brute_force_ip)');
		expect(text).toContain('Count: 13 failed sign-ins (threshold 10)');
		expect(text).toContain('Events: 13');
		expect(text).toMatch(/Window: 2026-12-02 09:\d\d:00 UTC \(2026-12-02 10:\d\d:00 GMT\+1 Europe\/Paris\) to/);
		expect(text).toContain('IP: 203.0.113.9');
		expect(text).toMatch(/Part of the same incident:\n {2}Account under attack \(medium\): 12 for victim@example.com/);
		expect(text).toContain('Sample events (10 of 13 events)');
		const alert = (await listAlerts('*', { tenant: 'acme', ruleId: 'brute_force_ip', since: at(-60), limit: 1 }))[0];
		expect(text).toContain(`https://trailscope.example.com/alerts/${alert.id}`);
		const link = new URL(text.match(/timeline: (\S+)/)![1]);
		expect(link.pathname).toBe('/events');
		expect(link.searchParams.getAll('kind')).toEqual(['failed_sign_in']);
		expect(link.searchParams.get('ip')).toBe('203.0.113.9');
		expect(link.searchParams.get('tenant')).toBe('acme');
		const html = mail.mail.html as string;
		expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
		expect(html).not.toContain('<img src=x');
		expect(html).toContain('href="https://trailscope.example.com/alerts/');
	});
});

describe('the rule job', () => {
	it('re-running windows, even two evaluations at once, raises no second alert and sends no second email', async () => {
		const before = await listAlerts('*', { tenant: 'acme', since: at(-60), limit: 50 });
		const sent = smtp.received.length;
		await Promise.all([runRuleJob(at(22), mailerFor(), { rerunFrom: at(-5) }), runRuleJob(at(22), mailerFor(), { rerunFrom: at(-5) })]);
		const after = await listAlerts('*', { tenant: 'acme', since: at(-60), limit: 50 });
		expect(after.map((a) => [a.id, a.version])).toEqual(before.map((a) => [a.id, a.version]));
		expect(smtp.received).toHaveLength(sent);
	});

	it('keeps a failed send in the outbox and delivers it on a later tick, once', async () => {
		await store(Array.from({ length: 10 }, (_, i) => failure('retry', 30 + i / 6, '198.51.100.77', `u${i}`)), at(40));
		smtp.failNext(5);
		const first = await runRuleJob(at(40), mailerFor());
		expect(first.opened.filter((a) => a.tenant === 'retry').map((a) => a.ruleId).sort()).toEqual(['brute_force_ip', 'password_spraying']);
		// One incident, one email: it fails, and waits out the backoff.
		expect(first.delivery.failed).toHaveLength(1);
		expect((await runRuleJob(at(40.5), mailerFor())).delivery.sent).toBe(0);
		smtp.failNext(0);
		expect((await runRuleJob(at(42), mailerFor())).delivery.sent).toBe(1);
		expect((await runRuleJob(at(45), mailerFor())).delivery.sent).toBe(0);
		expect(smtp.received.filter((r) => r.mail.subject?.includes('198.51.100.77'))).toHaveLength(1);
	});

	it('sends one summary per rule for a burst of incidents raised at once', async () => {
		const ips = Array.from({ length: 12 }, (_, k) => `192.0.2.${k + 1}`);
		await store(ips.flatMap((ip, k) => Array.from({ length: 10 }, (_, i) => failure('burst', 50 + i / 10, ip, `acct${k}-${i}`))), at(60));
		const before = smtp.received.length;
		const r = await runRuleJob(at(60), mailerFor(), { tenants: ['burst'] });
		expect(r.opened.length).toBeGreaterThan(10);
		const fresh = smtp.received.slice(before);
		expect(fresh.map((m) => m.mail.subject)).toEqual(['[ALERTS] 12 Password spraying alerts in burst (12 high)']);
		expect(fresh[0].mail.text).toContain('192.0.2.12');
	});

	it('records the error of a failing rule and still evaluates the others', async () => {
		await store([failure('broken', 70, '203.0.113.50')], at(71));
		const good = builtinRule('brute_force_ip')!;
		const broken = { ...good, id: 'broken_rule', windowMinutes: 0 };
		const r = await evaluateRules({ now: at(71), settleMs: 60_000, tenants: ['broken'], rules: [broken, good] });
		expect(r.errors.map((e) => e.ruleId)).toEqual(['broken_rule']);
		expect(r.runs.find((x) => x.ruleId === 'broken_rule')!.error).not.toBe('');
		expect(r.runs.find((x) => x.ruleId === 'brute_force_ip')!.error).toBe('');
		// The failed rule keeps its mark: the next tick reads the same arrival again (and fails again).
		const again = await evaluateRules({ now: at(75), settleMs: 60_000, tenants: ['broken'], rules: [broken, good] });
		expect(again.runs.map((x) => [x.ruleId, x.error !== '', x.windowFrom.toISOString()])).toEqual([
			['broken_rule', true, '2026-12-02T11:10:00.000Z'],
			['brute_force_ip', false, '2026-12-02T11:10:00.000Z']
		]);
		// A tick later, past the settle time, only the failed rule still reads that arrival.
		const later = await evaluateRules({ now: at(80), settleMs: 60_000, tenants: ['broken'], rules: [broken, good] });
		expect(later.runs.map((x) => [x.ruleId, x.windows > 0 || x.error !== ''])).toEqual([
			['broken_rule', true],
			['brute_force_ip', false]
		]);
	});
});
