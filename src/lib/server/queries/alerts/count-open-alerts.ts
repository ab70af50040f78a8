import { z } from 'zod';
import { query } from '../../clickhouse/query';
import type { TenantScope } from '../events/event-where';
import { alertTenantSql } from './alert-scope';

const Row = z.object({ severity: z.string(), n: z.coerce.number() });

export interface OpenAlertCounts {
	/** Open or acknowledged: not yet resolved. */
	total: number;
	open: number;
	bySeverity: Record<string, number>;
}

/**
 * Incidents not yet resolved (alerts leading one; the alerts folded into it are counted with it),
 * for the overview; `open` counts those nobody has acknowledged.
 */
export async function countOpenAlerts(scope: TenantScope, tenant?: string): Promise<OpenAlertCounts> {
	const t = alertTenantSql(scope, tenant);
	const rows = await query({
		name: 'alerts.countOpenAlerts',
		row: Row.extend({ open: z.coerce.number() }),
		params: t.params,
		sql: `SELECT toString(severity) AS severity, count() AS n, countIf(status = 'open') AS open
			FROM alerts FINAL WHERE ${t.sql} AND status != 'resolved' AND incident_id = id GROUP BY severity`
	});
	return {
		total: rows.reduce((s, r) => s + r.n, 0),
		open: rows.reduce((s, r) => s + r.open, 0),
		bySeverity: Object.fromEntries(rows.map((r) => [r.severity, r.n]))
	};
}
