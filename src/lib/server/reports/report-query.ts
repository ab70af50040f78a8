import { inEngineRange, type SubjectFilter } from '../../schemas/event-filter';
import { buildSubjectWhere, FilterError } from '../queries/events/event-where';
import { canonicalTimeZone, notATimeZone } from '../../schemas/time-zone';
import type { TenantScope } from '../queries/events/event-where';

/** What every report reads: a tenant scope, optionally one tenant of it, a period [from, to) and a zone for display and buckets. */
export interface ReportQuery {
	scope: TenantScope;
	tenant?: string;
	from: Date;
	to: Date;
	/** IANA zone: time series buckets start at midnight (or the hour) there, and times are shown in it. */
	timezone: string;
	/** The timeline's IP-or-CIDR, user and source filters, when the report is narrowed by them. */
	filter?: SubjectFilter;
}

/** A report parameter the caller must fix; `param` names it (tenant, from, to, tz, ip, actor, source). */
export class ReportError extends Error {
	constructor(
		readonly param: string,
		message: string
	) {
		super(`${param}: ${message}`);
	}
}

/** The longest period a report reads: a year and a day, so a calendar year always fits. */
export const MAX_REPORT_MS = 367 * 86400e3;

/** Refuses a query outside the caller's tenants or with a period that cannot be read. */
export function checkReportQuery(q: ReportQuery): void {
	if (q.tenant && q.scope !== '*' && !q.scope.includes(q.tenant)) throw new ReportError('tenant', `you have no access to tenant "${q.tenant}"`);
	if (Number.isNaN(q.from.getTime())) throw new ReportError('from', 'is not a valid time');
	if (Number.isNaN(q.to.getTime())) throw new ReportError('to', 'is not a valid time');
	if (!inEngineRange(q.from)) throw new ReportError('from', 'must be between the years 1900 and 2299');
	if (!inEngineRange(q.to)) throw new ReportError('to', 'must be between the years 1900 and 2299');
	if (q.from >= q.to) throw new ReportError('from', 'must be before to');
	if (q.to.getTime() - q.from.getTime() > MAX_REPORT_MS) throw new ReportError('from', 'the period may span at most 367 days');
	// The engine's zone names are case-sensitive: only the spelling of the zone database goes through.
	if (canonicalTimeZone(q.timezone) !== q.timezone) throw new ReportError('tz', notATimeZone(q.timezone));
	try {
		buildSubjectWhere(q.filter ?? {}, 'check');
	} catch (e) {
		if (e instanceof FilterError) throw new ReportError(e.param, e.message.slice(e.param.length + 2));
		throw e;
	}
}

/** The period of the same length just before this one, for "change against the previous period". */
export function previousPeriod(q: ReportQuery): ReportQuery {
	const len = q.to.getTime() - q.from.getTime();
	return { ...q, from: new Date(q.from.getTime() - len), to: q.from };
}
