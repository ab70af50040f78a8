import { z } from 'zod';
import { query } from '../../clickhouse/query';

const Row = z.object({ rule_id: z.string(), tenant: z.string(), watermark: z.string() });

/** The end of the latest successfully evaluated window, per rule and tenant. */
export async function listWatermarks(): Promise<Map<string, Date>> {
	const rows = await query({
		name: 'rules.listWatermarks',
		row: Row,
		sql: `SELECT rule_id, tenant, toString(max(window_to)) AS watermark FROM rule_runs WHERE error = '' GROUP BY rule_id, tenant`
	});
	return new Map(rows.map((r) => [`${r.rule_id}\n${r.tenant}`, new Date(`${r.watermark.replace(' ', 'T')}Z`)]));
}
