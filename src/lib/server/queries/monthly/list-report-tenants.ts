import { z } from 'zod';
import { query } from '../../clickhouse/query';
import { toChTime } from '../../clickhouse/time';

const Row = z.object({ tenant: z.string() });

/**
 * Tenants that held events before `before`: each gets a report, even for a quiet month (an auditor
 * wants "nothing happened" said). From the volume rollup, which is small.
 */
export async function listReportTenants(before: Date): Promise<string[]> {
	const rows = await query({
		name: 'monthly.listReportTenants',
		row: Row,
		params: { before: toChTime(before) },
		sql: 'SELECT DISTINCT tenant FROM events_volume_1m WHERE minute < {before:DateTime64(3)} ORDER BY tenant'
	});
	return rows.map((r) => r.tenant);
}
