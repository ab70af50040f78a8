import { securityEventsOf } from '../kind-views';
import type { ReportQuery } from '../../reports/report-query';
import { filtersOf, PERIOD, periodParams, subjectSql, tenantSql, type Sql } from './report-sql';

/**
 * What a report reads in place of security_events: the table itself; narrowed by address when only
 * an IP or CIDR filter is given (the table keeps the address); else the rows the table would hold,
 * rebuilt from the events the filter selects, since it keeps no source and one account column
 * where the timeline's user filter reads the actor id and email apart.
 */
export function securityEventsFrom(q: ReportQuery): Sql {
	const filters = filtersOf(q);
	if (filters.length === 0) return { sql: 'security_events', params: {} };
	const f = subjectSql(q);
	if (filters.every((k) => k === 'ip')) return { sql: `(SELECT * FROM security_events WHERE ${f.sql})`, params: f.params };
	const t = tenantSql(q);
	return { sql: `(${securityEventsOf(`${t.sql} AND ${PERIOD} AND ${f.sql}`)})`, params: { ...t.params, ...periodParams(q), ...f.params } };
}
