import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { startScheduler } from '../../jobs/scheduler';
import { evaluateRules as evaluateRulesJob } from '../../jobs/evaluate-rules';
import { evaluateRules } from '../../src/lib/server/alerts/evaluate-rules';
import { updateRule } from '../../src/lib/server/alerts/rule-store';
import { runRuleJob } from '../../src/lib/server/alerts/rule-job';
import { query } from '../../src/lib/server/clickhouse/query';
import { resetConfig } from '../../src/lib/server/config';
import { createMailer, resetMailer } from '../../src/lib/server/mail/mailer';
import { listAlerts } from '../../src/lib/server/queries/alerts/list-alerts';
import { builtinRule } from '../../src/lib/server/rules/builtin';
import { saveTenantSettings } from '../../src/lib/server/tenants/tenant-settings';
import { DEFAULT_TENANT_SETTINGS } from '../../src/lib/schemas/tenant-settings';
import { ready } from './helpers';
import { store } from './rule-events';
import { startSmtp } from './smtp';

const T0 = new Date('2026-12-02T10:00:30Z');
const at = (min: number) => new Date(T0.getTime() + min * 60_000);
const system = { id: 'test', type: 'system' as const };
let smtp: Awaited<ReturnType<typeof startSmtp>>;
let clock = T0;

const failure = (tenant: string, min: number, ip: string, actor = 'victim') => ({ tenant, occurred_at: at(min).toISOString(), action: 'login_failed', outcome: 'failure', actor: { id: actor, email: `${actor}@example.com` }, ip });
const Runs = z.object({ window_from: z.string(), window_to: z.string(), windows: z.coerce.number() });
const runsOf = (rule: string, tenant: string) =>
	query({ name: 'test.runs', row: Runs, params: { rule, tenant }, sql: `SELECT toString(window_from) AS window_from, toString(window_to) AS window_to, windows FROM rule_runs WHERE rule_id = {rule:String} AND tenant = {tenant:String} AND error = '' ORDER BY window_from` });

beforeAll(async () => {
	smtp = await startSmtp();
	Object.assign(process.env, { SMTP_URL: smtp.url, MAIL_FROM: 'Trailscope <alerts@trailscope.test>', ALERT_RECIPIENTS: 'oncall@example.com', APP_URL: 'https://trailscope.example.com', RULES_DELAY_SECONDS: '60' });
	resetConfig();
	resetMailer();
	await ready();
	await saveTenantSettings('acme', { ...DEFAULT_TENANT_SETTINGS, alertRecipients: ['acme-sec@example.com'], businessHours: { ...DEFAULT_TENANT_SETTINGS.businessHours, timezone: 'Europe/Paris' } }, 'test', T0);
	await updateRule('brute_force_ip', { recipients: ['netops@example.com'] }, system, {}, T0);
});
afterAll(() => smtp.close());

describe('the rule job', () => {
	it('after the scheduler was stopped, evaluates every missed window once and sends one email per alert', async () => {
		let scheduler = startScheduler([evaluateRulesJob], () => clock);
		await scheduler.runNow('evaluate-rules');
		await scheduler.stop();
		// Down for 20 minutes while an attack happens.
		await store([...Array.from({ length: 12 }, (_, i) => failure('acme', 5 + i / 4, '203.0.113.9')), failure('acme', 6, '203.0.113.9', '<img src=x onerror=alert(1)>')], at(21));
		clock = at(21);
		scheduler = startScheduler([evaluateRulesJob], () => clock);
		await scheduler.runNow('evaluate-rules');
		await scheduler.runNow('evaluate-rules');
		await scheduler.stop();

		const runs = await runsOf('brute_force_ip', 'acme');
		// The tenant's first events start it at the rule's watermark (09:59, the run before the stop):
		// every window from there to now - delay is evaluated, once, and the second tick finds none due.
		expect(runs.map((r) => [r.window_from, r.window_to, r.windows])).toEqual([['2026-12-02 09:59:00.000', '2026-12-02 10:20:00.000', 21]]);
		const audit = await runsOf('brute_force_ip', 'trailscope');
		expect(audit.map((r) => [r.window_from, r.window_to])).toEqual([
			['2026-12-02 09:58:00.000', '2026-12-02 09:59:00.000'],
			['2026-12-02 09:59:00.000', '2026-12-02 10:20:00.000']
		]);
		const alerts = await listAlerts('*', { tenant: 'acme', since: at(-60), limit: 50 });
		expect(alerts.map((a) => [a.ruleId, a.severity, a.groupValues, a.count])).toEqual(
			expect.arrayContaining([
				['brute_force_ip', 'high', ['203.0.113.9'], 13],
				['account_brute_force', 'medium', ['victim@example.com'], 12]
			])
		);
		const subjects = smtp.received.map((r) => r.mail.subject);
		expect(subjects.sort()).toEqual(['[HIGH] Brute force by IP: 13 failed sign-ins from 203.0.113.9 in 15 min', '[MEDIUM] Account under attack: 12 failed sign-ins for victim@example.com in 15 min']);
	});

	it('puts the rule, window in UTC and the tenant zone, group, count, samples and links in the email, escaped', async () => {
		const mail = smtp.received.find((r) => r.mail.subject?.startsWith('[HIGH]'))!;
		expect(mail.envelopeTo.sort()).toEqual(['acme-sec@example.com', 'netops@example.com', 'oncall@example.com']);
		const text = mail.mail.text!;
		expect(text).toContain('Rule: Brute force by IP (brute_force_ip)');
		expect(text).toContain('Count: 13 failed sign-ins (threshold 10)');
		expect(text).toMatch(/Window: 2026-12-02 09:\d\d:00 UTC \(2026-12-02 10:\d\d:00 GMT\+1 Europe\/Paris\) to/);
		expect(text).toContain('IP: 203.0.113.9');
		expect(text).toContain('Sample events (10 of 13 events)');
		const alert = (await listAlerts('*', { tenant: 'acme', ruleId: 'brute_force_ip', since: at(-60), limit: 1 }))[0];
		expect(alert.eventIds).toHaveLength(13);
		expect(text).toContain(`https://trailscope.example.com/alerts/${alert.id}`);
		const link = new URL(text.match(/timeline: (\S+)/)![1]);
		expect(link.pathname).toBe('/events');
		expect(link.searchParams.get('f')).toBe(`id:in:${alert.eventIds.join(',')}`);
		const html = mail.mail.html as string;
		expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
		expect(html).not.toContain('<img src=x');
		expect(html).toContain('href="https://trailscope.example.com/alerts/');
	});

	it('re-running windows, even two evaluations at once, raises no second alert and sends no second email', async () => {
		const before = await listAlerts('*', { tenant: 'acme', since: at(-60), limit: 50 });
		const mailer = createMailer({ smtpUrl: smtp.url, from: 'alerts@trailscope.test', outboxDir: '/nonexistent' });
		await Promise.all([runRuleJob(at(22), mailer, { rerunFrom: at(-5) }), runRuleJob(at(22), mailer, { rerunFrom: at(-5) })]);
		const after = await listAlerts('*', { tenant: 'acme', since: at(-60), limit: 50 });
		expect(after.map((a) => [a.id, a.version])).toEqual(before.map((a) => [a.id, a.version]));
		expect(smtp.received).toHaveLength(2);
	});

	it('keeps a failed send in the outbox and delivers it on a later tick, once', async () => {
		await store(Array.from({ length: 10 }, (_, i) => failure('acme', 30 + i / 6, '198.51.100.77', `u${i}`)), at(40));
		const mailer = createMailer({ smtpUrl: smtp.url, from: 'alerts@trailscope.test', outboxDir: '/nonexistent' });
		smtp.failNext(5);
		const first = await runRuleJob(at(40), mailer);
		expect(first.opened.map((a) => a.ruleId).sort()).toEqual(['brute_force_ip', 'password_spraying']);
		expect(first.delivery.failed).toHaveLength(2);
		// Not yet due again: the backoff holds it for a minute.
		expect((await runRuleJob(at(40.5), mailer)).delivery.sent).toBe(0);
		smtp.failNext(0);
		expect((await runRuleJob(at(42), mailer)).delivery.sent).toBe(2);
		expect((await runRuleJob(at(45), mailer)).delivery.sent).toBe(0);
		expect(smtp.received.filter((r) => r.mail.subject?.includes('198.51.100.77'))).toHaveLength(2);
	});

	it('sends one summary email for a burst of alerts from one evaluation', async () => {
		const ips = Array.from({ length: 12 }, (_, k) => `192.0.2.${k + 1}`);
		await store(ips.flatMap((ip) => Array.from({ length: 10 }, (_, i) => failure('burst', 50 + i / 10, ip, `acct${i}`))), at(60));
		const mailer = createMailer({ smtpUrl: smtp.url, from: 'alerts@trailscope.test', outboxDir: '/nonexistent' });
		const before = smtp.received.length;
		await runRuleJob(at(49), mailer, { tenants: ['burst'] });
		const r = await runRuleJob(at(60), mailer, { tenants: ['burst'] });
		expect(r.opened.length).toBeGreaterThan(10);
		const fresh = smtp.received.slice(before);
		expect(fresh).toHaveLength(1);
		expect(fresh[0].mail.subject).toMatch(/^\[ALERTS\] \d+ new alerts in burst \(\d+ high\)$/);
		expect(fresh[0].mail.text).toContain('192.0.2.12');
	});

	it('records the error of a failing rule and still evaluates the others', async () => {
		const good = builtinRule('brute_force_ip')!;
		const broken = { ...good, id: 'broken_rule', windowMinutes: 0 };
		const r = await evaluateRules({ now: at(80), delayMs: 60_000, maxWindows: 1440, tenants: ['acme'], rules: [broken, good] });
		expect(r.errors.map((e) => e.ruleId)).toEqual(['broken_rule']);
		expect(r.runs.find((x) => x.ruleId === 'broken_rule')!.error).not.toBe('');
		expect(r.runs.find((x) => x.ruleId === 'brute_force_ip')!.error).toBe('');
	});

	it('skips windows past the catch-up cap and records how many', async () => {
		const r = await evaluateRules({ now: at(60 * 24 * 3), delayMs: 60_000, maxWindows: 60, tenants: ['acme'], rules: [builtinRule('mass_deletion')!] });
		expect(r.runs[0].windows).toBe(60);
		expect(r.runs[0].skippedWindows).toBeGreaterThan(4000);
	});
});
