import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startScheduler } from '../../jobs/scheduler';
import { evaluateRules as evaluateRulesJob } from '../../jobs/evaluate-rules';
import { runRuleJob } from '../../src/lib/server/alerts/rule-job';
import type { Mailer } from '../../src/lib/server/mail/mailer';
import { listAlerts } from '../../src/lib/server/queries/alerts/list-alerts';
import { countEvents } from '../../src/lib/server/queries/events/count-events';
import { EventFilterSchema, filterParams } from '../../src/lib/schemas/event-filter';
import type { Alert } from '../../src/lib/server/rules/decide';
import { store } from './rule-events';
import { startRuleTestbed } from './rule-testbed';

// Far from the other files' clocks and from now, so nothing else in this store touches these minutes.
// Each test uses later minutes than the one before: a tick moves every rule's arrival mark.
const T0 = new Date('2026-11-20T09:00:20Z');
const at = (min: number) => new Date(T0.getTime() + min * 60_000);
let smtp: Awaited<ReturnType<typeof startRuleTestbed>>['smtp'];
let mailer: () => Mailer;
let clock = T0;

/** `n` failed sign-ins from one address against `accounts` accounts, spread over the minutes from `startMin`. */
const attack = (tenant: string, n: number, startMin: number, spanMin: number, ip = '203.0.113.77', accounts = 1) =>
	Array.from({ length: n }, (_, i) => ({
		tenant,
		occurred_at: at(startMin + (spanMin * i) / n).toISOString(),
		action: 'login_failed',
		outcome: 'failure',
		actor: { id: `acct-${i % accounts}`, email: `acct-${i % accounts}@example.com`, name: `Account ${i % accounts}` },
		ip
	}));

const alertsOf = (tenant: string) => listAlerts('*', { tenant, since: at(-5 * 86_400 / 60), limit: 100 });
/** The number of events the alert's own timeline link selects. */
async function eventsBehindLink(a: Alert): Promise<number> {
	const filter = EventFilterSchema.parse(filterParams(new URLSearchParams(a.evidenceQuery)));
	return countEvents('*', filter, clock);
}

/** One tick of the real scheduler at the clock's time. */
async function tick(now: Date) {
	clock = now;
	const scheduler = startScheduler([evaluateRulesJob], () => clock);
	try {
		await scheduler.runNow('evaluate-rules');
	} finally {
		await scheduler.stop();
	}
}

beforeAll(async () => {
	({ smtp, mailer } = await startRuleTestbed());
	// Marks at T0 for every rule: what the store held before is read once, here.
	await runRuleJob(T0, mailer());
});
afterAll(() => smtp.close());

describe('events that arrive late', () => {
	it.each([
		['3 to 9 minutes', 'late-minutes', 3],
		['40 minutes', 'late-40m', 40],
		['2 days', 'late-2d', 2 * 1440]
	] as const)('alert on their own through the scheduler when delivered %s after they happened', async (_label, tenant, lateMin) => {
		const delivered = at(10 + lateMin);
		// The scheduler has been ticking all along: the attack's own windows were evaluated, empty, long ago.
		await tick(new Date(delivered.getTime() - 60_000));
		await store(attack(tenant, 30, 10 - 6, 6), delivered);
		await tick(new Date(delivered.getTime() + 30_000));
		const alerts = await alertsOf(tenant);
		const brute = alerts.find((a) => a.ruleId === 'brute_force_ip');
		expect(brute, `brute force in ${tenant}`).toBeDefined();
		expect([brute!.count, brute!.evidenceCount, await eventsBehindLink(brute!)]).toEqual([30, 30, 30]);
		const mail = smtp.received.find((m) => m.mail.text?.includes(`Tenant: ${tenant}`));
		expect(mail, `email for ${tenant}`).toBeDefined();
		if (lateMin >= 40) expect(mail!.mail.text).toMatch(/Happened (4\d minutes|2 days) before this alert was raised: its events were delivered late/);
		else expect(mail!.mail.text).not.toContain('delivered late');
	});

	it('joins a late event to the window it belongs to, counted with its neighbours', async () => {
		const tenant = 'late-neighbour';
		// Eight failures on time: under the threshold of 10, nothing is raised.
		await store(attack(tenant, 8, 3000, 4), at(3004));
		await tick(at(3004.5));
		expect(await alertsOf(tenant)).toEqual([]);
		// Two more from the same minutes, delivered an hour later, cross it.
		await store(attack(tenant, 2, 3001, 1), at(3065));
		await tick(at(3065.5));
		const [alert] = await alertsOf(tenant);
		expect([alert.ruleId, alert.count, alert.evidenceCount]).toEqual(['brute_force_ip', 10, 10]);
	});

	it('counts every event of a 1,500-failure burst in the alert, its evidence and its link', async () => {
		const tenant = 'burst-1500';
		await store(attack(tenant, 1500, 4000, 6, '198.51.100.200', 3), at(4007));
		await tick(at(4007.5));
		const brute = (await alertsOf(tenant)).find((a) => a.ruleId === 'brute_force_ip')!;
		expect([brute.count, brute.evidenceCount, await eventsBehindLink(brute)]).toEqual([1500, 1500, 1500]);
		expect(brute.eventIds).toHaveLength(100);
		const link = new URLSearchParams(brute.evidenceQuery);
		expect([link.getAll('kind'), link.get('ip'), link.get('tenant')]).toEqual([['failed_sign_in'], '198.51.100.200', tenant]);
	});

	it('makes one address spraying 40 accounts one incident and one email, naming the accounts and the one that signed in', async () => {
		const tenant = 'spray-40';
		const spray = attack(tenant, 80, 7000, 20, '185.220.101.9', 40);
		const success = { tenant, occurred_at: at(7021).toISOString(), action: 'login', outcome: 'success', actor: { id: 'acct-7', email: 'acct-7@example.com' }, ip: '185.220.101.9' };
		await store([...spray, success], at(7022));
		await tick(at(7022.5));
		const alerts = await alertsOf(tenant);
		const leads = alerts.filter((a) => a.incidentId === a.id);
		expect(leads.map((a) => a.ruleId)).toEqual(['password_spraying']);
		expect(leads[0].count).toBe(40);
		expect(alerts.map((a) => a.ruleId).sort()).toEqual(expect.arrayContaining(['brute_force_ip', 'password_spraying', 'success_after_failures']));
		const mails = smtp.received.filter((m) => m.mail.text?.includes(`Tenant: ${tenant}`));
		expect(mails).toHaveLength(1);
		expect(mails[0].mail.subject).toBe('[HIGH] Password spraying: 40 accounts tried from 185.220.101.9 in 60 min');
		expect(mails[0].mail.text).toContain('acct-7@example.com: 2 failed, then signed in (1)');
		expect(mails[0].mail.text).toContain('acct-0@example.com: 2 failed');
		expect(mails[0].mail.text).toContain('and 25 more accounts');
		expect(mails[0].mail.text).toMatch(/Part of the same incident:\n {2}Sign-in after failures \(high\)/);
	});
});
