import { z } from 'zod';
import { query } from '../../clickhouse/query';
import type { ReportQuery } from '../../reports/report-query';
import type { ReportRuleSettings } from '../../../reports/security-report-types';
import { DELETION_DRILL } from './kind-drill';
import { DeletionGroupFields, PERIOD, periodParams, tenantSql } from './report-sql';
import { fromChTime } from '../../clickhouse/time';
import { securityEventsFrom } from './security-events-source';

const Row = z.object({
	actor: z.string(),
	first: z.string(),
	last: z.string(),
	...DeletionGroupFields
});

/**
 * Mass deletions as the mass_deletion rule measures them, with its current settings: one account's
 * deletions no more than the rule's window apart form a run, and a run is a burst when some window
 * of it holds at least the rule's threshold of deletions, or one deletion removed at least its
 * single-event threshold of items (a bulk deletion). Most items first; `from` and `to` are the
 * run's first and last deletion.
 */
export async function listDeletionBursts(q: ReportQuery, s: ReportRuleSettings['mass_deletion'], limit: number) {
	const t = tenantSql(q);
	const se = securityEventsFrom(q);
	const rows = await query({
		name: 'reports.listDeletionBursts',
		row: Row,
		params: { ...t.params, ...se.params, ...periodParams(q), limit, min: s.deletions, single: s.single_items ?? 0, window: s.window_minutes * 60_000 },
		sql: `SELECT actor, toString(min(occurred_at)) AS first, toString(max(occurred_at)) AS last, count() AS deletions, sum(items) AS n_items, ${DELETION_DRILL}
			FROM (
				SELECT actor, occurred_at, id, action_key, items, w, sum(gap) OVER (PARTITION BY actor ORDER BY ms, id ROWS UNBOUNDED PRECEDING) AS run
				FROM (
					SELECT actor, occurred_at, id, action_key, items, toUnixTimestamp64Milli(occurred_at) AS ms,
						count() OVER (PARTITION BY actor ORDER BY ms RANGE BETWEEN {window:UInt32} PRECEDING AND CURRENT ROW) AS w,
						if(ms - lagInFrame(ms, 1, toInt64(0)) OVER (PARTITION BY actor ORDER BY ms, id ROWS BETWEEN 1 PRECEDING AND CURRENT ROW) > {window:UInt32}, 1, 0) AS gap
					FROM ${se.sql}
					WHERE ${t.sql} AND kind = 'deletion' AND ${PERIOD}
				)
			)
			GROUP BY actor, run
			HAVING max(w) >= {min:UInt64} OR ({single:UInt64} > 0 AND max(items) >= {single:UInt64})
			ORDER BY n_items DESC, first DESC, actor LIMIT {limit:UInt32}`
	});
	return rows.map((r) => ({ ...r, items: r.n_items, from: fromChTime(r.first), to: fromChTime(r.last) }));
}
