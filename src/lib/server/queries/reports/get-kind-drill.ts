import { z } from 'zod';
import { query } from '../../clickhouse/query';
import type { ReportQuery } from '../../reports/report-query';
import { DELETION_DRILL, PRIVILEGE_DRILL } from './kind-drill';
import { PERIOD, periodParams, tenantSql } from './report-sql';

const Row = z.object({ events: z.coerce.number(), actions: z.array(z.string()), by_action: z.coerce.boolean(), ids: z.array(z.string()) });

/** How to open all of the period's privilege changes or deletions on the timeline (see kindGroupDrill). */
export async function getKindDrill(q: ReportQuery, kind: 'privilege_change' | 'deletion') {
	const t = tenantSql(q);
	const [row] = await query({
		name: 'reports.getKindDrill',
		row: Row,
		params: { ...t.params, ...periodParams(q), kind },
		sql: `SELECT count() AS events, ${kind === 'deletion' ? DELETION_DRILL : PRIVILEGE_DRILL}
			FROM security_events WHERE ${t.sql} AND kind = {kind:String} AND ${PERIOD}`
	});
	return row;
}
