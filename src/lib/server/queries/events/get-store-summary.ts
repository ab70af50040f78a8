import { z } from 'zod';
import type { EventFilter } from '../../../schemas/event-filter';
import { query } from '../../clickhouse/query';
import { ACCOUNT } from '../event-kinds';
import { buildEventWhere, type TenantScope } from './event-where';

const SummaryRow = z.object({
	events: z.coerce.number(),
	actors: z.coerce.number(),
	failures: z.coerce.number(),
	first: z.string().nullable(),
	last: z.string().nullable()
});

/** Counts over the caller's events in a period: how much there is to look at. */
export async function getStoreSummary(scope: TenantScope, filter: EventFilter, now: Date, actorOnly?: string) {
	const where = buildEventWhere(filter, scope, now, { actorOnly });
	const [row] = await query({
		name: 'events.getStoreSummary',
		row: SummaryRow,
		params: where.params,
		sql: `SELECT count() AS events, uniq(${ACCOUNT}) AS actors, countIf(outcome = 'failure') AS failures,
				if(count() = 0, NULL, toString(min(occurred_at))) AS first, if(count() = 0, NULL, toString(max(occurred_at))) AS last
			FROM events WHERE ${where.sql}`
	});
	return row;
}
