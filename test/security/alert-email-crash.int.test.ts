import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { evaluateRules } from '../../src/lib/server/alerts/evaluate-rules';
import { enqueueMessages } from '../../src/lib/server/alerts/outbox';
import { runRuleJob } from '../../src/lib/server/alerts/rule-job';
import type { Mailer } from '../../src/lib/server/mail/mailer';
import { store } from '../integration/rule-events';
import { startRuleTestbed } from '../integration/rule-testbed';

// Issue 11, finding 3: with kill -9 a few seconds into an evaluation, the alerts were stored but
// their emails never went out, after a restart and three more evaluations. Emails are now derived
// from stored alerts that have none, so wherever the process dies, the next tick announces them.
const T0 = new Date('2026-11-10T09:00:20Z');
const at = (min: number) => new Date(T0.getTime() + min * 60_000);
let smtp: Awaited<ReturnType<typeof startRuleTestbed>>['smtp'];
let mailer: () => Mailer;
let mailsOf: (tenant: string) => typeof smtp.received;
const attack = (tenant: string, startMin: number, ip: string) =>
	Array.from({ length: 12 }, (_, i) => ({ tenant, occurred_at: at(startMin + i / 6).toISOString(), action: 'login_failed', outcome: 'failure', actor: { id: 'victim', email: 'victim@example.com' }, ip }));

beforeAll(async () => {
	({ smtp, mailer, mailsOf } = await startRuleTestbed());
	await runRuleJob(T0, mailer());
});
afterAll(() => smtp.close());

describe('alert emails across a crash', () => {
	it('announces, exactly once, an alert stored by an evaluation that died before queueing its email', async () => {
		await store(attack('crash-after-store', 10, '192.0.2.99'), at(14));
		// The process dies right after the evaluation stored its alerts.
		const evaluated = await evaluateRules({ now: at(14.5), settleMs: 60_000 });
		expect(evaluated.opened.filter((a) => a.tenant === 'crash-after-store').length).toBeGreaterThan(0);
		expect(mailsOf('crash-after-store')).toHaveLength(0);
		// After the restart, the scheduler's ticks announce it once, and never again.
		await runRuleJob(at(16), mailer());
		await runRuleJob(at(17), mailer());
		await runRuleJob(at(18), mailer());
		expect(mailsOf('crash-after-store')).toHaveLength(1);
	});

	it('delivers, exactly once, an email queued by a tick that died before sending it', async () => {
		await store(attack('crash-after-queue', 30, '192.0.2.98'), at(34));
		const evaluated = await evaluateRules({ now: at(34.5), settleMs: 60_000 });
		const lead = evaluated.opened.find((a) => a.tenant === 'crash-after-queue' && a.incidentId === a.id)!;
		// The email is in the outbox (as the tick's notify step writes it), then the process dies.
		const queued = await enqueueMessages([{ tenant: lead.tenant, kind: 'alert', alertIds: [lead.id], recipients: ['oncall@example.com'], message: { subject: `[HIGH] ${lead.ruleName}`, text: `Tenant: crash-after-queue`, html: '<p>Tenant: crash-after-queue</p>' } }], at(34.6));
		expect(queued).toBe(1);
		await runRuleJob(at(36), mailer());
		await runRuleJob(at(37), mailer());
		expect(mailsOf('crash-after-queue')).toHaveLength(1);
	});
});
