import type { AlertHistoryJson } from '../../alerts/history';
import { listAlertHistory, type AlertHistoryRow } from '../queries/alerts/list-alert-history';
import type { Alert } from '../rules/decide';

export type { AlertHistoryJson };

/**
 * An alert's history, oldest first. An alert handled before the history was kept has only its
 * latest status on its row: that is shown as its one entry rather than nothing.
 */
export function historyOf(a: Pick<Alert, 'status' | 'statusAt' | 'statusBy' | 'statusComment'>, rows: readonly Pick<AlertHistoryRow, 'at' | 'by' | 'action' | 'comment'>[]): AlertHistoryJson[] {
	if (rows.length === 0 && a.statusAt && a.status !== 'open') {
		return [{ at: a.statusAt.toISOString(), by: a.statusBy, action: a.status, comment: a.statusComment || null }];
	}
	return rows.map((r) => ({ at: r.at.toISOString(), by: r.by, action: r.action, comment: r.comment || null }));
}

/** The history of one alert. */
export async function getAlertHistory(a: Alert): Promise<AlertHistoryJson[]> {
	return historyOf(a, await listAlertHistory(a.tenant, [a.id]));
}

/** The histories of several alerts of one tenant, by alert id. */
export async function getAlertHistories(tenant: string, alerts: readonly Alert[]): Promise<Map<string, AlertHistoryJson[]>> {
	const rows = await listAlertHistory(tenant, alerts.map((a) => a.id));
	return new Map(alerts.map((a) => [a.id, historyOf(a, rows.filter((r) => r.alertId === a.id))]));
}

/** Who first acknowledged and resolved an alert, and when, and every comment, as a report lists them. */
export function responsesOf(entries: readonly Pick<AlertHistoryRow, 'at' | 'by' | 'action' | 'comment'>[]) {
	const ack = entries.find((e) => e.action === 'acknowledged');
	const res = entries.find((e) => e.action === 'resolved');
	return {
		acknowledgedAt: ack?.at.toISOString() ?? null,
		acknowledgedBy: ack?.by ?? '',
		resolvedAt: res?.at.toISOString() ?? null,
		resolvedBy: res?.by ?? '',
		comments: entries
			.filter((e) => e.comment)
			.map((e) => `${e.at.toISOString()} ${e.by} (${e.action}): ${e.comment}`)
			.join('\n')
	};
}
