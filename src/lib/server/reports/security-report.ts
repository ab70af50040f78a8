import { eventsQuery } from '../../reports/events-query';
import { CONFIG_CHANGE_DRILL, DELETION_WIDER, EXPORT_DRILL, PRIVILEGE_WIDER, SIGN_IN_WIDER } from '../queries/event-kinds';
import { getKindDrill } from '../queries/reports/get-kind-drill';
import { getActivityTotals } from '../queries/reports/get-activity-totals';
import { checkReportQuery, type ReportQuery } from './report-query';
import { exportSections, failedLoginSections, groupLink, LIMITS, loadSeries, seriesSections, baseOf } from './report-sections';
import { changeSections, deletionSections, offHoursSections } from './report-sections-2';
import type { SecurityReport } from '../../reports/security-report-types';
import { getReportRuleSettings } from './rule-settings';
import { isoIn } from './series';
import { filtersOf } from '../queries/reports/report-sql';

export type { ReportQuery } from './report-query';
export type { SecurityReport } from '../../reports/security-report-types';

/**
 * The security report of a period: failed logins by address and country, exports, privilege and
 * configuration changes, deletions and off-hours activity. Every figure counts with the
 * predicates of event-kinds.ts and carries the timeline query of exactly its events.
 */
export async function getSecurityReport(q: ReportQuery): Promise<SecurityReport> {
	checkReportQuery(q);
	const base = baseOf(q);
	const rules = await getReportRuleSettings();
	const [totals, seriesRows, failed, exports, changes, deletions, offHours, signInGroup, privilegeGroup, deletionGroup] = await Promise.all([
		getActivityTotals(q),
		loadSeries(q),
		failedLoginSections(q),
		exportSections(q, rules.unusual_exports),
		changeSections(q),
		deletionSections(q, rules.mass_deletion),
		offHoursSections(q),
		getKindDrill(q, 'sign_in'),
		getKindDrill(q, 'privilege_change'),
		getKindDrill(q, 'deletion')
	]);
	const series = seriesSections(q, seriesRows);
	return {
		period: { from: isoIn(q.from, q.timezone), to: isoIn(q.to, q.timezone), timezone: q.timezone },
		filter: Object.fromEntries(filtersOf(q).map((k) => [k, q.filter![k]])),
		business_hours: offHours.business_hours,
		totals: { ...totals, events_query: eventsQuery(base) },
		...failed,
		failed_logins_over_time: series.failed_logins_over_time,
		exports: {
			count: totals.exports,
			records: totals.exported_records,
			bytes: totals.exported_bytes,
			events_query: eventsQuery(base, EXPORT_DRILL),
			...exports,
			over_time: series.exports_over_time
		},
		...changes,
		deletions: { count: totals.deletions, items: totals.deleted_items, ...deletions, over_time: series.deletions_over_time },
		off_hours: offHours.off_hours,
		off_hours_summary: offHours.off_hours_summary,
		limits: LIMITS,
		rules,
		kind_links: {
			sign_ins: groupLink(base, SIGN_IN_WIDER, signInGroup),
			privilege_changes: groupLink(base, PRIVILEGE_WIDER, privilegeGroup),
			deletions: groupLink(base, DELETION_WIDER, deletionGroup)
		}
	};
}

/** The timeline query of all the period's configuration changes (CONFIG_CHANGE is a plain filter). */
export const configurationChangesQuery = (q: ReportQuery) => eventsQuery(baseOf(q), CONFIG_CHANGE_DRILL);
