import { z } from 'zod';
import { query } from '../../clickhouse/query';
import type { ReportQuery } from '../../reports/report-query';
import type { SeriesUnit } from '../../reports/series';
import { RAW_EDGES, splitParams, tenantSql } from './report-sql';

const Row = z.object({ t: z.string(), category: z.string(), n: z.coerce.number() });

/**
 * Events per hour or calendar day of the report's zone and category: whole minutes from the
 * events_volume_1m rollup (clickhouse/0007), the partial minutes at either end from the raw events.
 */
export function listVolumeByCategory(q: ReportQuery, unit: SeriesUnit) {
	const t = tenantSql(q);
	const interval = unit === 'day' ? 'toIntervalDay(1)' : 'toIntervalHour(1)';
	const bucket = (col: string) => `toStartOfInterval(${col}, ${interval}, {tz:String})`;
	return query({
		name: 'reports.listVolumeByCategory',
		row: Row,
		params: { ...t.params, ...splitParams(q, 60e3), tz: q.timezone },
		sql: `SELECT formatDateTime(b, '%Y-%m-%dT%H:%i:%S', 'UTC') || 'Z' AS t, toString(c) AS category, sum(k) AS n FROM (
				SELECT ${bucket('minute')} AS b, category AS c, sum(events) AS k FROM events_volume_1m
				WHERE ${t.sql} AND minute >= {wholeFrom:DateTime64(3)} AND minute < {wholeTo:DateTime64(3)} GROUP BY b, c
				UNION ALL
				SELECT ${bucket('occurred_at')} AS b, category AS c, count() AS k FROM events
				WHERE ${t.sql} AND ${RAW_EDGES} GROUP BY b, c
			) GROUP BY t, category ORDER BY t, category`
	});
}
