import { z } from 'zod';
import { query } from '../../clickhouse/query';
import { chTimeMs, toChTime } from '../../clickhouse/time';

const Row = z.object({ tenant: z.string(), period_ms: z.coerce.number(), received_to: z.string() });

/** For the sealed periods of these tenants starting from `since`: the arrival mark their last seal reached. */
export async function listSealMarks(tenants: readonly string[], since: Date): Promise<Map<string, number>> {
	if (tenants.length === 0) return new Map();
	const rows = await query({
		name: 'seals.listSealMarks',
		row: Row,
		params: { tenants, since: toChTime(since) },
		sql: `SELECT tenant, toUnixTimestamp64Milli(period_start) AS period_ms, toString(max(received_to)) AS received_to
			FROM seals FINAL WHERE tenant IN {tenants:Array(String)} AND period_start >= {since:DateTime64(3)}
			GROUP BY tenant, period_start`
	});
	return new Map(rows.map((r) => [`${r.tenant}\n${r.period_ms}`, chTimeMs(r.received_to)]));
}
