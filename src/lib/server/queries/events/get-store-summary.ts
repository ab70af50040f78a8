import { z } from 'zod';
import { query } from '../../clickhouse/query';

const SummaryRow = z.object({
	events: z.coerce.number(),
	tenants: z.coerce.number(),
	first: z.string().nullable(),
	last: z.string().nullable()
});

/** How much the store holds; from part metadata for the count, so it stays cheap at any size. */
export async function getStoreSummary() {
	const [row] = await query({
		name: 'events.getStoreSummary',
		row: SummaryRow,
		sql: `SELECT count() AS events, uniqExact(tenant) AS tenants,
				if(count() = 0, NULL, toString(min(occurred_at))) AS first, if(count() = 0, NULL, toString(max(occurred_at))) AS last
			FROM events`
	});
	return row;
}
