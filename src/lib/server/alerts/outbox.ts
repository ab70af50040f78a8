import { createHash } from 'node:crypto';
import { createSerial } from '../serial';
import { retryDelayMs, RETRY_POLICIES } from '../retry';
import { toChTime } from '../clickhouse/time';
import type { Mailer } from '../mail/mailer';
import type { Rendered } from '../mail/html';
import { insertNotifications, listDueNotifications, listKnownNotificationIds, type NotificationRow } from '../queries/alerts/notifications';

export interface OutgoingMessage {
	tenant: string;
	kind: 'alert' | 'summary';
	alertIds: string[];
	recipients: string[];
	message: Rendered;
}

/** Named after what it announces, so announcing the same alerts again names the same message. */
export const notificationIdOf = (kind: string, alertIds: readonly string[]) =>
	`nt_${createHash('sha256').update(`${kind}\n${[...alertIds].sort().join('\n')}`).digest('hex').slice(0, 24)}`;

/**
 * Stores messages before any attempt to send them; one already in the outbox is left as it is.
 * A message nobody is to receive is stored as such (the alert page says why no email went out).
 * Returns how many messages are to be sent.
 */
export async function enqueueMessages(messages: OutgoingMessage[], now: Date): Promise<number> {
	const withIds = messages.map((m) => ({ ...m, id: notificationIdOf(m.kind, m.alertIds) }));
	const known = await listKnownNotificationIds(withIds.map((m) => m.id));
	const fresh = withIds.filter((m) => !known.has(m.id));
	await insertNotifications(
		fresh.map((m) => ({
			id: m.id,
			tenant: m.tenant,
			kind: m.kind,
			alert_ids: m.alertIds,
			recipients: m.recipients,
			subject: m.message.subject,
			text: m.message.text,
			html: m.message.html,
			status: m.recipients.length > 0 ? ('pending' as const) : ('no_recipients' as const),
			attempts: 0,
			next_attempt_at: toChTime(now),
			last_error: '',
			message_id: '',
			created_at: toChTime(now),
			sent_at: null,
			version: 1
		}))
	);
	return fresh.filter((m) => m.recipients.length > 0).length;
}

export interface DeliveryReport {
	sent: number;
	failed: { id: string; error: string }[];
}

/** Sends every due message; a failure is recorded and retried later, never dropped. */
export async function deliverDue(mailer: Mailer, now: Date): Promise<DeliveryReport> {
	const report: DeliveryReport = { sent: 0, failed: [] };
	for (const n of await listDueNotifications(now)) {
		let next: NotificationRow;
		try {
			const { messageId } = await mailer.send({ to: n.recipients, subject: n.subject, text: n.text, html: n.html });
			next = { ...n, status: 'sent', message_id: messageId, sent_at: toChTime(new Date()), attempts: n.attempts + 1, last_error: '', version: n.version + 1 };
			report.sent++;
		} catch (e) {
			const error = e instanceof Error ? e.message : String(e);
			const attempts = n.attempts + 1;
			next = { ...n, attempts, last_error: error.slice(0, 1000), next_attempt_at: toChTime(new Date(now.getTime() + retryDelayMs(RETRY_POLICIES.alertMail, attempts))), version: n.version + 1 };
			report.failed.push({ id: n.id, error });
		}
		await insertNotifications([next]);
	}
	return report;
}

const serial = createSerial();
/** One delivery at a time in this process: two at once could both send the same message. */
export const deliverOutbox = (mailer: Mailer, now: Date): Promise<DeliveryReport> => serial(() => deliverDue(mailer, now));
