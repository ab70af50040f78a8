import { query } from '../../clickhouse/query';
import { toChTime } from '../../clickhouse/time';
import type { Alert } from '../../rules/decide';
import { ALERT_COLUMNS, AlertDbRow, toAlert } from './alert-row';

/**
 * Alerts leading an incident that no notification names yet, oldest first. Notifications are
 * derived from these rather than from what an evaluation returned, so an alert stored just before
 * a crash is still announced, once, by the next tick.
 */
export async function listUnannouncedAlerts(since: Date): Promise<Alert[]> {
	const rows = await query({
		name: 'alerts.listUnannouncedAlerts',
		row: AlertDbRow,
		params: { since: toChTime(since) },
		sql: `SELECT ${ALERT_COLUMNS} FROM alerts FINAL
			WHERE incident_id = id AND created_at >= {since:DateTime64(3)}
			  AND id NOT IN (SELECT arrayJoin(alert_ids) FROM notifications WHERE created_at >= {since:DateTime64(3)} - INTERVAL 1 DAY)
			ORDER BY created_at, id`
	});
	return rows.map(toAlert);
}

/** The alerts folded into these incidents (not their leading alerts). */
export async function listIncidentMembers(incidentIds: readonly string[]): Promise<Alert[]> {
	if (incidentIds.length === 0) return [];
	const rows = await query({
		name: 'alerts.listIncidentMembers',
		row: AlertDbRow,
		params: { ids: incidentIds },
		sql: `SELECT ${ALERT_COLUMNS} FROM alerts FINAL WHERE incident_id IN {ids:Array(String)} AND incident_id != id ORDER BY first_seen, id`
	});
	return rows.map(toAlert);
}
