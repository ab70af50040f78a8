import { z } from 'zod';
import { query } from '../../clickhouse/query';
import type { ReportQuery } from '../../reports/report-query';
import { DELETION_DRILL, PRIVILEGE_DRILL, SIGN_IN_DRILL } from './kind-drill';
import { PERIOD, periodParams, tenantSql } from './report-sql';
import { securityEventsFrom } from './security-events-source';

const Row = z.object({ events: z.coerce.number(), actions: z.array(z.string()), by_action: z.coerce.boolean(), ids: z.array(z.string()) });

const COLUMNS = { privilege_change: PRIVILEGE_DRILL, deletion: DELETION_DRILL, sign_in: SIGN_IN_DRILL };

/** How to open all of the period's sign-ins, privilege changes or deletions on the timeline (see kindGroupDrill). */
export async function getKindDrill(q: ReportQuery, kind: keyof typeof COLUMNS) {
	const t = tenantSql(q);
	const se = securityEventsFrom(q);
	const [row] = await query({
		name: 'reports.getKindDrill',
		row: Row,
		params: { ...t.params, ...se.params, ...periodParams(q), kind },
		sql: `SELECT count() AS events, ${COLUMNS[kind]}
			FROM ${se.sql} WHERE ${t.sql} AND kind = {kind:String} AND ${PERIOD}`
	});
	return row;
}
