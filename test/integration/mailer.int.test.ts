import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { simpleParser } from 'mailparser';
import { createMailer, MailError } from '../../src/lib/server/mail/mailer';
import { startSmtp } from './smtp';

const message = {
	to: ['oncall@example.com', 'secops@example.com'],
	subject: '[HIGH] Brute force by IP: 42 failed sign-ins from 203.0.113.9 in 15 min',
	text: 'Plain part: 42 of 10',
	html: '<p style="color:#333">HTML part: <b>42</b> of 10</p><img src="cid:chart">',
	attachments: [{ filename: 'chart.png', content: Buffer.from([0x89, 0x50, 0x4e, 0x47]), contentType: 'image/png', cid: 'chart' }]
};

describe('createMailer over SMTP', () => {
	let smtp: Awaited<ReturnType<typeof startSmtp>>;
	beforeAll(async () => (smtp = await startSmtp()));
	afterAll(() => smtp.close());

	it('delivers subject, both parts, recipients and attachments to a real SMTP server', async () => {
		const mailer = createMailer({ smtpUrl: smtp.url, from: 'Trailscope <alerts@trailscope.test>', outboxDir: '/nonexistent' });
		const { messageId } = await mailer.send(message);
		expect(messageId).toMatch(/@/);
		expect(smtp.received).toHaveLength(1);
		const { envelopeTo, mail } = smtp.received[0];
		expect(envelopeTo).toEqual(message.to);
		expect(mail.subject).toBe(message.subject);
		expect(mail.from?.value[0].address).toBe('alerts@trailscope.test');
		expect(mail.text?.trim()).toBe(message.text);
		expect(mail.html).toContain('<b>42</b> of 10');
		expect(mail.messageId).toBe(messageId);
		expect(mail.attachments.map((a) => [a.filename, a.contentType, a.cid])).toEqual([['chart.png', 'image/png', 'chart']]);
		expect([...mail.attachments[0].content]).toEqual([0x89, 0x50, 0x4e, 0x47]);
	});

	it('rejects a send when the server refuses it, so the caller can retry', async () => {
		smtp.failNext(1);
		const mailer = createMailer({ smtpUrl: smtp.url, from: 'alerts@trailscope.test', outboxDir: '/nonexistent' });
		await expect(mailer.send(message)).rejects.toThrow(/451|unavailable/i);
	});

	it('refuses a message without recipients', async () => {
		const mailer = createMailer({ smtpUrl: smtp.url, from: 'alerts@trailscope.test', outboxDir: '/nonexistent' });
		await expect(mailer.send({ ...message, to: [] })).rejects.toThrow(MailError);
	});
});

describe('createMailer without SMTP', () => {
	it('writes one complete .eml file per message to the outbox', async () => {
		const dir = join(mkdtempSync(join(tmpdir(), 'trailscope-outbox-')), 'outbox');
		const mailer = createMailer({ from: 'Trailscope <alerts@trailscope.test>', outboxDir: dir });
		const first = await mailer.send(message);
		await mailer.send({ ...message, subject: 'Second' });
		const files = readdirSync(dir).sort();
		expect(files).toHaveLength(2);
		expect(files.every((f) => f.endsWith('.eml'))).toBe(true);
		const parsed = await Promise.all(files.map((f) => simpleParser(readFileSync(join(dir, f)))));
		const one = parsed.find((p) => p.messageId === first.messageId)!;
		expect(one.subject).toBe(message.subject);
		expect(one.to && !Array.isArray(one.to) && one.to.value.map((v) => v.address)).toEqual(message.to);
		expect(one.text?.trim()).toBe(message.text);
		expect(one.html).toContain('<b>42</b>');
		expect(one.attachments[0].filename).toBe('chart.png');
		expect(parsed.map((p) => p.subject).sort()).toEqual([message.subject, 'Second'].sort());
	});
});
