import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'csv-parse/sync';
import { writeFileSync } from 'node:fs';
import { startScheduler } from '../../jobs/scheduler';
import { monthlyReport } from '../../jobs/monthly-report';
import { resetConfig } from '../../src/lib/server/config';
import { resetMailer, createMailer } from '../../src/lib/server/mail/mailer';
import { defaultSendDeps, SYSTEM_ACTOR } from '../../src/lib/server/monthly/deps';
import { sendMonthlyReport } from '../../src/lib/server/monthly/send-report';
import { listMonthRuns } from '../../src/lib/server/queries/monthly/report-runs';
import { POST as SEND } from '../../src/routes/api/v1/reports/monthly/[month]/send/+server';
import { GET as EVENTS } from '../../src/routes/api/v1/events/+server';
import { call, keyWith, ready } from './helpers';
import { loadFixture, MONTH, TENANT } from './monthly-fixture';
import { startSmtp } from './smtp';

let smtp: Awaited<ReturnType<typeof startSmtp>>;
const toAcme = () => smtp.received.filter((r) => r.mail.subject?.includes(`: ${TENANT}`));

beforeAll(async () => {
	smtp = await startSmtp();
	process.env.SMTP_URL = smtp.url;
	process.env.REPORT_RECIPIENTS = 'compliance@example.com';
	process.env.REPORT_TIMEZONE = 'Europe/Paris';
	process.env.APP_URL = 'https://trailscope.example.com';
	resetConfig();
	resetMailer();
	await ready();
	await loadFixture();
});
afterAll(() => smtp.close());

describe('the monthly report job', () => {
	it('sends nothing before 08:00 on the 1st in REPORT_TIMEZONE', async () => {
		// 07:59 in Paris on 1 December: October's report is due (already long), November's not yet.
		const scheduler = startScheduler([monthlyReport], () => new Date('2026-12-01T06:59:00Z'));
		await scheduler.runNow('monthly-report');
		await scheduler.stop();
		expect(toAcme().map((r) => r.mail.subject)).toEqual(['Compliance report October 2026: acme']);
	});
});

describe('the monthly report job after a missed 1st', () => {
	let sent: ReturnType<typeof toAcme> = [];
	// The tests below read what this scenario sent, so any of them runs alone.
	beforeAll(async () => {
		const before = toAcme().length;
		// The server was down on 1 December at 08:00; it starts again on the 2nd.
		for (const restart of [0, 1, 2]) {
			const scheduler = startScheduler([monthlyReport], () => new Date(`2026-12-02T0${restart}:15:00Z`));
			// Two ticks racing, as two processes would.
			await Promise.all([scheduler.runNow('monthly-report'), scheduler.runNow('monthly-report')]);
			await scheduler.stop();
		}
		sent = toAcme().slice(before);
	});

	it('sends the report once when the server starts again, and never again', async () => {
		expect(sent.map((r) => r.mail.subject)).toEqual(['Compliance report November 2026: acme']);
		const runs = await listMonthRuns(TENANT, MONTH);
		expect(runs.map((r) => [r.sendNo, r.kind, r.status])).toEqual([[0, 'scheduled', 'sent']]);
		expect(runs[0].recipients).toEqual(['compliance@example.com', 'auditor@acme.test']);
	});

	it('delivers the figures, the inline charts and the CSV attachments', async () => {
		const { mail, envelopeTo } = sent[0];
		expect(envelopeTo).toEqual(['compliance@example.com', 'auditor@acme.test']);
		const html = String(mail.html);
		if (process.env.MONTHLY_EMAIL_OUT) writeFileSync(process.env.MONTHLY_EMAIL_OUT, html);
		if (process.env.MONTHLY_EMAIL_OUT) writeFileSync(`${process.env.MONTHLY_EMAIL_OUT}.txt`, String(mail.text));
		for (const text of ['November 2026', 'America/New_York', '203.0.113.9', 'a@acme.test', 'mfa_required', 'role: admin', 'g@acme.test', '26,200'])
			expect(html).toContain(text);
		// It opens with what needs attention, in words; elevations are flagged, severities given per alert.
		expect(html.indexOf('What needs attention')).toBeLessThan(html.indexOf('>Summary<'));
		expect(html).toContain('1 account was given admin, owner or full access');
		expect(html).toContain('ELEVATION: ');
		expect(html).toContain('1 alert is still open: Off-hours access (1).');
		expect(html).toContain('1 medium');
		expect(mail.text).toContain('WHAT NEEDS ATTENTION');
		expect(html).toContain('href="https://trailscope.example.com/events?tenant=acme');
		expect(mail.text).toContain('Failed sign-ins: 15 (October 2026: 1, ×15)');
		const images = mail.attachments.filter((a) => a.contentType === 'image/png');
		expect(images.map((a) => a.cid).sort()).toEqual(['failures-chart', 'volume-chart']);
		for (const img of images) {
			// mailparser resolves each cid: reference of the HTML into the image it names.
			expect(html).toContain(`src="data:image/png;base64,${img.content.toString('base64')}"`);
			expect([...img.content.subarray(0, 4)]).toEqual([0x89, 0x50, 0x4e, 0x47]);
		}
		const csv = Object.fromEntries(mail.attachments.filter((a) => a.contentType.startsWith('text/csv')).map((a) => [a.filename, parse(a.content.toString('utf8'), { bom: true, columns: true })]));
		expect(Object.keys(csv).sort()).toEqual(['alerts-acme-2026-11.csv', 'configuration-changes-acme-2026-11.csv', 'exports-acme-2026-11.csv', 'privilege-changes-acme-2026-11.csv']);
		expect(csv['alerts-acme-2026-11.csv'].map((r: Record<string, string>) => [r.rule_id, r.status, r.acknowledged_at_utc])).toEqual([
			['brute_force_ip', 'resolved', '2026-11-10T14:45:00.000Z'],
			['off_hours_access', 'open', ''],
			['mass_deletion', 'resolved', '2026-11-18T16:05:00.000Z']
		]);
		expect(csv['privilege-changes-acme-2026-11.csv'].map((r: Record<string, string>) => r.after)).toEqual(['role: admin', 'permissions: ["read","export"]']);
		// The email counts configuration changes per setting; each change, before and after, is in the CSV.
		expect(csv['configuration-changes-acme-2026-11.csv'].map((r: Record<string, string>) => r.after)).toEqual(['mfa_required: false']);
		const exports = csv['exports-acme-2026-11.csv'] as Record<string, string>[];
		expect(exports.map((r) => r.records)).toEqual(['5000', '1200', '20000']);
		// A formula in a cell is written as text, as the timeline export does.
		expect(exports[2].what).toBe(`'=HYPERLINK("x")`);
	});

	it('sends again only on purpose, and records the resend', async () => {
		const deps = defaultSendDeps({ mailer: createMailer({ smtpUrl: smtp.url, from: 'reports@trailscope.test', outboxDir: '/nonexistent' }), settleMs: 200 });
		const actor = { id: 'u-1', email: 'admin@trailscope.test', type: 'user' as const };
		expect((await sendMonthlyReport(TENANT, MONTH, 'once', actor, deps)).outcome).toBe('already_sent');
		const resent = await sendMonthlyReport(TENANT, MONTH, 'resend', actor, deps);
		expect(resent.outcome).toBe('sent');
		const runs = await listMonthRuns(TENANT, MONTH);
		expect(runs.map((r) => [r.sendNo, r.kind, r.status, r.requestedBy])).toEqual([
			[0, 'scheduled', 'sent', SYSTEM_ACTOR.name],
			[1, 'resend', 'sent', 'admin@trailscope.test']
		]);
		expect(runs[1].digest).toBe(runs[0].digest);
		const audit = await call(EVENTS, '/api/v1/events?tenant=trailscope&action=monthly_report.resend&from=now-1h');
		expect(audit.json.events.map((e: { actor: { email: string }; target: { id: string }; outcome: string }) => [e.actor.email, e.target.id, e.outcome])).toEqual([
			['admin@trailscope.test', `${TENANT}/${MONTH}`, 'success']
		]);
	});

	it('retries a failed send later, and sends it once', async () => {
		smtp.failNext(1);
		const deps = defaultSendDeps({ settleMs: 100, clock: () => new Date('2027-01-01T08:00:00Z') });
		const first = await sendMonthlyReport(TENANT, '2026-12', 'scheduled', SYSTEM_ACTOR, deps);
		expect(first.outcome).toBe('failed');
		expect((await sendMonthlyReport(TENANT, '2026-12', 'scheduled', SYSTEM_ACTOR, deps)).outcome).toBe('waiting');
		const later = defaultSendDeps({ settleMs: 100, clock: () => new Date('2027-01-01T08:20:00Z') });
		expect((await sendMonthlyReport(TENANT, '2026-12', 'scheduled', SYSTEM_ACTOR, later)).outcome).toBe('sent');
		expect((await sendMonthlyReport(TENANT, '2026-12', 'scheduled', SYSTEM_ACTOR, later)).outcome).toBe('already_sent');
		const [run] = await listMonthRuns(TENANT, '2026-12');
		expect([run.status, run.attempts]).toEqual(['sent', 2]);
	});

	it('POST /api/v1/reports/monthly/{month}/send says when it was already sent, and resends on purpose', async () => {
		const send = (month: string, query: string, key?: string | null) => call(SEND, `/api/v1/reports/monthly/${month}/send?${query}`, { method: 'POST', params: { month }, key });
		const again = await send(MONTH, `tenant=${TENANT}`);
		expect([again.status, again.json.status, again.json.sent]).toEqual([200, 'already_sent', false]);
		const before = toAcme().length;
		const resent = await send(MONTH, `tenant=${TENANT}&resend=true`);
		expect([resent.status, resent.json.status, resent.json.send_no, resent.json.recipients]).toEqual([200, 'sent', 2, ['compliance@example.com', 'auditor@acme.test']]);
		expect(toAcme().length).toBe(before + 1);
	});

	it('refuses bad input with a 400 naming it, and sends nothing', async () => {
		const send = (month: string, query: string, key?: string | null) => call(SEND, `/api/v1/reports/monthly/${month}/send?${query}`, { method: 'POST', params: { month }, key });
		const before = smtp.received.length;
		expect((await send('2026-13', `tenant=${TENANT}`)).json.error).toMatchObject({ status: 400, parameter: 'month' });
		expect((await send('2099-01', `tenant=${TENANT}`)).json.error.message).toContain('has not begun');
		expect((await send(MONTH, '')).json.error).toMatchObject({ status: 400, parameter: 'tenant' });
		expect((await send(MONTH, `tenant=${TENANT}&resend=maybe`)).json.error).toMatchObject({ status: 400, parameter: 'resend' });
		expect((await send(MONTH, `tenant=${TENANT}`, null)).status).toBe(401);
		expect((await send(MONTH, `tenant=${TENANT}`, await keyWith(['read']))).status).toBe(403);
		expect((await send(MONTH, `tenant=${TENANT}`, await keyWith(['admin'], 'other'))).status).toBe(403);
		expect(smtp.received.length).toBe(before);
	});
});
