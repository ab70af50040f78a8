import { z } from 'zod';
import { ALERT_HISTORY_ACTIONS } from '../../../alerts/history';
import { query } from '../../clickhouse/query';
import { ChTimeDate } from '../../clickhouse/time';


const Row = z.object({
	alertId: z.string(),
	at: ChTimeDate,
	action: z.enum(ALERT_HISTORY_ACTIONS),
	by: z.string(),
	comment: z.string()
});
export type AlertHistoryRow = z.infer<typeof Row>;

/** The history of some alerts of one tenant, oldest first. */
export function listAlertHistory(tenant: string, alertIds: readonly string[]): Promise<AlertHistoryRow[]> {
	if (alertIds.length === 0) return Promise.resolve([]);
	return query({
		name: 'alerts.listAlertHistory',
		row: Row,
		params: { tenant, ids: alertIds },
		sql: `SELECT alert_id AS "alertId", toString(at) AS at, toString(action) AS action, by_name AS by, comment
			FROM alert_history WHERE tenant = {tenant:String} AND alert_id IN {ids:Array(String)}
			ORDER BY alert_id, at, id`
	});
}
