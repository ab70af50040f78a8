import { z } from 'zod';
import { query } from '../../clickhouse/query';
import { toChTime } from '../../ingest/prepare';
import { ACCOUNT, DELETED_ITEMS, DELETION } from '../event-kinds';

const Row = z.object({ actor: z.string(), start: z.string(), end: z.string(), deletions: z.coerce.number(), peak: z.coerce.number() });

/** The mass_deletion rule's measure: items one actor deletes within ten minutes. */
export const MASS_DELETION_ITEMS = 50;
const WINDOW_MS = 600_000;

/**
 * Bursts of deletions: one actor's deletions no more than ten minutes apart form a session, and a
 * session is a mass deletion when some ten minutes of it removed at least 50 items (a bulk deletion
 * of 50 counts alone). Reads the events themselves: deletions are few next to all events.
 */
export function listMassDeletions(tenant: string, from: Date, to: Date, limit = 100) {
	return query({
		name: 'monthly.listMassDeletions',
		row: Row,
		params: { tenant, from: toChTime(from), to: toChTime(to), min: MASS_DELETION_ITEMS, window: WINDOW_MS, limit },
		sql: `SELECT actor, toString(min(at)) AS start, toString(max(at)) AS end, sum(items) AS deletions, max(w) AS peak
			FROM (
				SELECT actor, at, items, w, sum(gap) OVER (PARTITION BY actor ORDER BY ms, at ROWS UNBOUNDED PRECEDING) AS session
				FROM (
					SELECT actor, at, ms, items,
						sum(items) OVER (PARTITION BY actor ORDER BY ms RANGE BETWEEN {window:UInt32} PRECEDING AND CURRENT ROW) AS w,
						if(ms - lagInFrame(ms, 1, toInt64(0)) OVER (PARTITION BY actor ORDER BY ms ROWS BETWEEN 1 PRECEDING AND CURRENT ROW) > {window:UInt32}, 1, 0) AS gap
					FROM (
						SELECT ${ACCOUNT} AS actor, occurred_at AS at, toUnixTimestamp64Milli(occurred_at) AS ms, ${DELETED_ITEMS} AS items
						FROM events
						WHERE tenant = {tenant:String} AND occurred_at >= {from:DateTime64(3)} AND occurred_at < {to:DateTime64(3)} AND ${DELETION}
					)
				)
			)
			GROUP BY actor, session HAVING peak >= {min:UInt32}
			ORDER BY start LIMIT {limit:UInt32}`
	});
}
