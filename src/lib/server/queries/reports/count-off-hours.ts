import { z } from 'zod';
import { query } from '../../clickhouse/query';
import type { ReportQuery } from '../../reports/report-query';
import { PERIOD, periodParams, tenantSql, type Sql } from './report-sql';
import { securityEventsFrom } from './security-events-source';

const n = z.coerce.number();
const Row = z.object({ events: n, sign_ins: n, exports: n, privilege_changes: n, configuration_changes: n, deletions: n, accounts: n });

/** How many sign-ins and sensitive actions fell outside business hours, by kind, and by how many accounts. */
export async function countOffHours(q: ReportQuery, offHours: Sql) {
	const t = tenantSql(q);
	const se = securityEventsFrom(q);
	const [row] = await query({
		name: 'reports.countOffHours',
		row: Row,
		params: { ...t.params, ...se.params, ...offHours.params, ...periodParams(q) },
		sql: `SELECT uniqExact(id) AS events, countIf(kind = 'sign_in') AS sign_ins, countIf(kind = 'export') AS exports,
				countIf(kind = 'privilege_change') AS privilege_changes, countIf(kind = 'config_change') AS configuration_changes,
				countIf(kind = 'deletion') AS deletions, uniqExact(actor) AS accounts
			FROM ${se.sql}
			WHERE ${t.sql} AND ${PERIOD} AND ${offHours.sql}`
	});
	return row;
}
