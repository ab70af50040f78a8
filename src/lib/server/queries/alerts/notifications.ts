import { z } from 'zod';
import { insert, query } from '../../clickhouse/query';
import { toChTime } from '../../clickhouse/time';

export const NotificationRow = z.object({
	id: z.string(),
	tenant: z.string(),
	kind: z.string(),
	alert_ids: z.array(z.string()),
	recipients: z.array(z.string()),
	subject: z.string(),
	text: z.string(),
	html: z.string(),
	status: z.enum(['pending', 'sent', 'no_recipients']),
	attempts: z.coerce.number(),
	next_attempt_at: z.string(),
	last_error: z.string(),
	message_id: z.string(),
	created_at: z.string(),
	sent_at: z.string().nullable(),
	version: z.coerce.number()
});
export type NotificationRow = z.infer<typeof NotificationRow>;

const COLUMNS = `id, tenant, kind, alert_ids, recipients, subject, text, html, toString(status) AS status, attempts,
	toString(next_attempt_at) AS next_attempt_at, last_error, message_id, toString(created_at) AS created_at,
	if(sent_at IS NULL, NULL, toString(sent_at)) AS sent_at, version`;

/** Which of these notification ids are already in the outbox. */
export async function listKnownNotificationIds(ids: string[]): Promise<Set<string>> {
	if (ids.length === 0) return new Set();
	const rows = await query({ name: 'alerts.listKnownNotificationIds', row: z.object({ id: z.string() }), params: { ids }, sql: 'SELECT DISTINCT id FROM notifications WHERE id IN {ids:Array(String)}' });
	return new Set(rows.map((r) => r.id));
}

/** Messages not yet sent whose next attempt is due, oldest first. */
export function listDueNotifications(now: Date, limit = 100): Promise<NotificationRow[]> {
	return query({
		name: 'alerts.listDueNotifications',
		row: NotificationRow,
		params: { now: toChTime(now), limit },
		sql: `SELECT ${COLUMNS} FROM notifications FINAL WHERE status = 'pending' AND next_attempt_at <= {now:DateTime64(3)}
			ORDER BY created_at, id LIMIT {limit:UInt32}`
	});
}

/** Notifications about some alerts (the alert page shows whether its email went out). */
export function listNotificationsOfAlert(alertId: string): Promise<NotificationRow[]> {
	return query({
		name: 'alerts.listNotificationsOfAlert',
		row: NotificationRow,
		params: { id: alertId },
		sql: `SELECT ${COLUMNS} FROM notifications FINAL WHERE has(alert_ids, {id:String}) ORDER BY created_at`
	});
}

export function insertNotifications(rows: NotificationRow[]): Promise<void> {
	return insert(
		'alerts.insertNotifications',
		'notifications',
		rows.map((r) => ({ ...r, next_attempt_at: r.next_attempt_at, created_at: r.created_at, sent_at: r.sent_at }))
	);
}
