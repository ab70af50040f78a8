import { z } from 'zod';
import { query } from '../../clickhouse/query';
import { toChTime } from '../../clickhouse/time';

const Row = z.object({ tenant: z.string(), period_ms: z.coerce.number(), arrived: z.coerce.number() });

export interface PeriodArrivals {
	tenant: string;
	periodStart: number;
	arrived: number;
}

/**
 * The periods (of occurred_at, `periodMs` long, ending by `dueEnd`) holding events received in
 * [since, until), per tenant. The received_at skip index keeps this to recent arrivals' granules.
 */
export async function listPeriodArrivals(r: { since: Date; until: Date; dueEnd: Date; periodMs: number }): Promise<PeriodArrivals[]> {
	const rows = await query({
		name: 'seals.listPeriodArrivals',
		row: Row,
		params: { since: toChTime(r.since), until: toChTime(r.until), dueEnd: toChTime(r.dueEnd), periodMs: r.periodMs },
		sql: `SELECT tenant, intDiv(toUnixTimestamp64Milli(occurred_at), {periodMs:UInt64}) * {periodMs:UInt64} AS period_ms, count() AS arrived
			FROM events
			WHERE received_at >= {since:DateTime64(3)} AND received_at < {until:DateTime64(3)} AND occurred_at < {dueEnd:DateTime64(3)}
			GROUP BY tenant, period_ms ORDER BY tenant, period_ms`
	});
	return rows.map((x) => ({ tenant: x.tenant, periodStart: x.period_ms, arrived: x.arrived }));
}
