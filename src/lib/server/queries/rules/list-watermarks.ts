import { z } from 'zod';
import { query } from '../../clickhouse/query';

const Row = z.object({ rule_id: z.string(), tenant: z.string(), watermark: z.string() });

/**
 * The end of the latest successfully evaluated window, keyed by rule and tenant, and by rule
 * alone (the latest over its tenants): a tenant seen for the first time starts there, so its
 * first events, however late they arrive, are not missed.
 */
export async function listWatermarks(): Promise<Map<string, Date>> {
	const rows = await query({
		name: 'rules.listWatermarks',
		row: Row,
		sql: `SELECT rule_id, tenant, toString(max(window_to)) AS watermark FROM rule_runs WHERE error = '' GROUP BY rule_id, tenant`
	});
	const out = new Map<string, Date>();
	for (const r of rows) {
		const at = new Date(`${r.watermark.replace(' ', 'T')}Z`);
		out.set(`${r.rule_id}\n${r.tenant}`, at);
		const rule = out.get(r.rule_id);
		if (!rule || at > rule) out.set(r.rule_id, at);
	}
	return out;
}
