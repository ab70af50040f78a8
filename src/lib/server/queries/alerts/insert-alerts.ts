import { insert } from '../../clickhouse/query';
import type { Alert } from '../../rules/decide';
import { toAlertRow } from './alert-row';

/** Writes new versions of alerts; one with an id and version already stored is kept once. */
export function insertAlerts(alerts: Alert[]): Promise<void> {
	return insert('alerts.insertAlerts', 'alerts', alerts.map(toAlertRow));
}
