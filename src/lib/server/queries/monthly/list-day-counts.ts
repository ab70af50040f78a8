import { z } from 'zod';
import { query } from '../../clickhouse/query';
import { toChTime } from '../../clickhouse/time';
import { FAILED_SIGN_IN } from '../event-kinds';

const Row = z.object({ day: z.string(), events: z.coerce.number(), failedSignIns: z.coerce.number() });

/**
 * Events and failed sign-ins per day of a period, days in the tenant's zone, from the minute rollup
 * (aggregated again: merges are asynchronous). Every zone's offset is a whole number of quarter
 * hours, so a minute bucket never straddles two days. FAILED_SIGN_IN reads only category and
 * outcome, which the rollup keeps.
 */
export function listDayCounts(tenant: string, from: Date, to: Date, timezone: string) {
	return query({
		name: 'monthly.listDayCounts',
		row: Row,
		params: { tenant, from: toChTime(from), to: toChTime(to), tz: timezone },
		sql: `SELECT toString(toDate(minute, {tz:String})) AS day, sum(events) AS events,
				sumIf(events, ${FAILED_SIGN_IN}) AS "failedSignIns"
			FROM events_volume_1m
			WHERE tenant = {tenant:String} AND minute >= {from:DateTime64(3)} AND minute < {to:DateTime64(3)}
			GROUP BY day ORDER BY day`
	});
}
