import { query } from '../../clickhouse/query';
import { toChTime } from '../../clickhouse/time';
import type { Alert } from '../../rules/decide';
import { ALERT_COLUMNS, AlertDbRow, toAlert } from './alert-row';

// An alert folded into an incident lives as long as the incident: resolving the leading alert ends
// every alert of it, so new activity after that opens a new incident instead of hiding in an old one.
const LIVE = `status != 'resolved' AND (incident_id = id OR incident_id NOT IN (
	SELECT id FROM alerts FINAL WHERE tenant IN {tenants:Array(String)} AND status = 'resolved' AND incident_id = id))`;

/** A rule's alerts of these tenants and groups that new hits could still extend: not resolved, recent enough. */
export async function listLiveAlerts(ruleId: string, tenants: readonly string[], groupKeys: readonly string[], since: Date): Promise<Alert[]> {
	const rows = await query({
		name: 'alerts.listLiveAlerts',
		row: AlertDbRow,
		params: { ruleId, tenants, groupKeys, since: toChTime(since) },
		sql: `SELECT ${ALERT_COLUMNS} FROM alerts FINAL
			WHERE tenant IN {tenants:Array(String)} AND rule_id = {ruleId:String} AND group_key IN {groupKeys:Array(String)}
			  AND window_end >= {since:DateTime64(3)} AND ${LIVE}`
	});
	return rows.map(toAlert);
}

/** The live alerts that lead an incident, any rule, of each tenant since its own time: what a new alert may join. One query for every tenant of a tick. */
export async function listIncidentLeaders(sinceByTenant: ReadonlyMap<string, Date>): Promise<Alert[]> {
	if (sinceByTenant.size === 0) return [];
	const tenants = [...sinceByTenant.keys()];
	const rows = await query({
		name: 'alerts.listIncidentLeaders',
		row: AlertDbRow,
		params: { tenants, sinces: tenants.map((t) => toChTime(sinceByTenant.get(t)!)) },
		sql: `SELECT ${ALERT_COLUMNS} FROM alerts FINAL
			WHERE tenant IN {tenants:Array(String)} AND incident_id = id AND status != 'resolved'
			  AND window_end >= {sinces:Array(DateTime64(3))}[indexOf({tenants:Array(String)}, tenant)]`
	});
	return rows.map(toAlert);
}
