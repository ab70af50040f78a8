import { z } from 'zod';
import { query } from '../../clickhouse/query';
import type { ReportQuery } from '../../reports/report-query';
import { PERIOD, periodParams, ReportEventRow, tenantSql } from './report-sql';
import { fromChTime } from '../../clickhouse/time';
import { securityEventsFrom } from './security-events-source';

const Row = ReportEventRow.extend({
	records: z.coerce.number(),
	bytes: z.coerce.number()
});

/** The period's single largest exports (by records, then bytes), from security_events. */
export async function listLargestExports(q: ReportQuery, limit: number) {
	const t = tenantSql(q);
	const se = securityEventsFrom(q);
	const rows = await query({
		name: 'reports.listLargestExports',
		row: Row,
		params: { ...t.params, ...se.params, ...periodParams(q), limit },
		sql: `SELECT toString(id) AS id, toString(occurred_at) AS occurred_at, actor, actor_name, action, target_type, target_id, target_name, records, bytes
			FROM ${se.sql}
			WHERE ${t.sql} AND kind = 'export' AND ${PERIOD}
			ORDER BY records DESC, bytes DESC, occurred_at DESC LIMIT {limit:UInt32}`
	});
	return rows.map((r) => ({ ...r, occurred_at: fromChTime(r.occurred_at) }));
}
