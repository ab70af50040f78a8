import { z } from 'zod';
import { query } from '../../clickhouse/query';
import type { ReportQuery } from '../../reports/report-query';
import { DELETION_DRILL } from './kind-drill';
import { fromChTime, PERIOD, periodParams, tenantSql } from './report-sql';

/** A burst: one account deleting at least this many items within one quarter hour. */
export const BURST_ITEMS = 10;

const Row = z.object({
	actor: z.string(),
	start: z.string(),
	deletions: z.coerce.number(),
	n_items: z.coerce.number(),
	actions: z.array(z.string()),
	by_action: z.coerce.boolean(),
	ids: z.array(z.string())
});

/**
 * Quarter hours (aligned to :00, :15, :30, :45) in which one account deleted at least BURST_ITEMS
 * items, largest first. Aligned windows may split a burst in two; each half still shows when it is
 * large enough, and the fixed grid keeps every figure reproducible from the timeline.
 */
export async function listDeletionBursts(q: ReportQuery, limit: number) {
	const t = tenantSql(q);
	const rows = await query({
		name: 'reports.listDeletionBursts',
		row: Row,
		params: { ...t.params, ...periodParams(q), limit, min: BURST_ITEMS },
		sql: `SELECT actor, toString(toStartOfFifteenMinutes(occurred_at)) AS start, count() AS deletions, sum(items) AS n_items, ${DELETION_DRILL}
			FROM security_events
			WHERE ${t.sql} AND kind = 'deletion' AND ${PERIOD}
			GROUP BY actor, start HAVING n_items >= {min:UInt64}
			ORDER BY n_items DESC, start DESC, actor LIMIT {limit:UInt32}`
	});
	return rows.map((r) => {
		const start = fromChTime(r.start);
		// Clipped to the period, so the window and the drill-down read the same events.
		const from = new Date(Math.max(start.getTime(), q.from.getTime()));
		const to = new Date(Math.min(start.getTime() + 15 * 60e3, q.to.getTime()));
		return { ...r, items: r.n_items, from, to };
	});
}
