import { z } from 'zod';
import { query } from '../../clickhouse/query';
import { SECURITY_CATEGORIES } from '../../ingest/retention-days';
import { toChTime } from '../../clickhouse/time';

export type RetentionClass = 'standard' | 'security';

const Row = z.object({ day: z.string(), events: z.coerce.number() });

/** Whole UTC days before `before` that hold events of a retention class and are not archived yet. */
export async function listArchivableDays(retentionClass: RetentionClass, before: Date) {
	return query({
		name: 'archive.listArchivableDays',
		row: Row,
		params: { before: toChTime(before), security: [...SECURITY_CATEGORIES], isSecurity: retentionClass === 'security' ? 1 : 0, cls: retentionClass },
		sql: `SELECT toString(toDate(occurred_at)) AS day, count() AS events
			FROM events
			WHERE occurred_at < toStartOfDay({before:DateTime64(3)}) AND (category IN {security:Array(String)}) = {isSecurity:UInt8}
			  AND toDate(occurred_at) NOT IN (SELECT day FROM archive_runs FINAL WHERE retention_class = {cls:String})
			GROUP BY day ORDER BY day`
	});
}
