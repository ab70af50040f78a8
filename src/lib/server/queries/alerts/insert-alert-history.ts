import { randomUUID } from 'node:crypto';
import { insert } from '../../clickhouse/query';
import { toChTime } from '../../clickhouse/time';
import type { AlertHistoryAction } from '../../../alerts/history';

export interface NewAlertHistoryEntry {
	tenant: string;
	alertId: string;
	at: Date;
	action: AlertHistoryAction;
	byId: string;
	/** Who, as people read it: the email, else the name, else the id. */
	by: string;
	comment: string;
}

/** Appends entries to alerts' history; nothing there is ever changed afterwards. */
export function insertAlertHistory(entries: NewAlertHistoryEntry[]): Promise<void> {
	return insert(
		'alerts.insertAlertHistory',
		'alert_history',
		entries.map((e) => ({ tenant: e.tenant, alert_id: e.alertId, at: toChTime(e.at), id: randomUUID(), action: e.action, by_id: e.byId, by_name: e.by, comment: e.comment }))
	);
}
