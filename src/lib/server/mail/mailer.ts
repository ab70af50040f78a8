import { mkdir, writeFile, rename } from 'node:fs/promises';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import nodemailer from 'nodemailer';
import type { SendMailOptions } from 'nodemailer';
import { getConfig } from '../config';

export interface MailAttachment {
	filename: string;
	content: Buffer | string;
	contentType: string;
	/** Referenced from the HTML part as <img src="cid:...">. */
	cid?: string;
}

export interface MailMessage {
	to: string[];
	subject: string;
	text: string;
	html: string;
	attachments?: MailAttachment[];
}

export interface Mailer {
	send(m: MailMessage): Promise<{ messageId: string }>;
}

export class MailError extends Error {}

function toNodemailer(from: string, m: MailMessage): SendMailOptions {
	if (m.to.length === 0) throw new MailError('A message needs at least one recipient');
	return {
		from,
		to: m.to,
		subject: m.subject,
		text: m.text,
		html: m.html,
		attachments: m.attachments?.map((a) => ({ filename: a.filename, content: a.content, contentType: a.contentType, cid: a.cid }))
	};
}

function smtpMailer(smtpUrl: string, from: string): Mailer {
	// Bounded timeouts: a stuck server must fail the send (so the outbox retries it), not hang the job.
	const transport = nodemailer.createTransport({ url: smtpUrl, connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 30_000 });
	return {
		async send(m) {
			const info = await transport.sendMail(toNodemailer(from, m));
			return { messageId: info.messageId };
		}
	};
}

/** Writes each message, fully encoded as it would travel, to one .eml file (opens in any mail client). */
function outboxMailer(outboxDir: string, from: string): Mailer {
	const transport = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'unix' });
	return {
		async send(m) {
			const info = await transport.sendMail(toNodemailer(from, m));
			await mkdir(outboxDir, { recursive: true });
			const stamp = new Date().toISOString().replace(/[:.]/g, '-');
			const file = join(outboxDir, `${stamp}-${randomUUID().slice(0, 8)}.eml`);
			// Written under a temporary name first so a reader never sees half a message.
			await writeFile(`${file}.part`, info.message as Buffer);
			await rename(`${file}.part`, file);
			return { messageId: info.messageId };
		}
	};
}

/** SMTP through nodemailer when smtpUrl is set, else one .eml file per message under outboxDir. */
export function createMailer(o: { smtpUrl?: string; from: string; outboxDir: string }): Mailer {
	return o.smtpUrl ? smtpMailer(o.smtpUrl, o.from) : outboxMailer(o.outboxDir, o.from);
}

let cached: Mailer | undefined;
/** The mailer configured by SMTP_URL, MAIL_FROM and DATA_DIR/outbox. */
export function getMailer(): Mailer {
	const { mail } = getConfig();
	return (cached ??= createMailer({ smtpUrl: mail.smtpUrl, from: mail.from, outboxDir: mail.outboxDir }));
}
/** Tests change the configuration between files. */
export const resetMailer = () => (cached = undefined);
