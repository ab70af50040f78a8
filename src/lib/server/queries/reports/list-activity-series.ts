import { z } from 'zod';
import { query } from '../../clickhouse/query';
import type { ReportQuery } from '../../reports/report-query';
import type { SeriesUnit } from '../../reports/series';
import { activitySource } from './activity-source';

const n = z.coerce.number();
const Raw = z.object({ t: z.string(), f: n, e: n, r: n, b: n, d: n });
const Row = Raw.transform((x) => ({ t: x.t, failed_sign_ins: x.f, exports: x.e, exported_records: x.r, exported_bytes: x.b, deletions: x.d }));
export type ActivitySeriesRow = z.output<typeof Row>;

/** Failed sign-ins, exports and deletions per hour or calendar day of the report's zone. */
export function listActivitySeries(q: ReportQuery, unit: SeriesUnit) {
	const src = activitySource(q);
	const interval = unit === 'day' ? 'toIntervalDay(1)' : 'toIntervalHour(1)';
	return query({
		name: 'reports.listActivitySeries',
		row: Row,
		params: { ...src.params, tz: q.timezone },
		sql: `SELECT formatDateTime(toStartOfInterval(bucket, ${interval}, {tz:String}), '%Y-%m-%dT%H:%i:%S', 'UTC') || 'Z' AS t,
				sum(failed_sign_ins) AS f, sum(exports) AS e, sum(exported_records) AS r, sum(exported_bytes) AS b, sum(deletions) AS d
			FROM (${src.sql})
			GROUP BY t ORDER BY t`
	});
}
