import { getActivityTotals } from '../queries/reports/get-activity-totals';
import type { PeriodTotals } from '../../reports/security-report-types';
import { checkReportQuery, type ReportQuery } from './report-query';

export type { PeriodTotals };

/** Counts of each kind of event over [from, to), read from the activity rollup and exact at the edges. */
export async function getPeriodTotals(q: ReportQuery): Promise<PeriodTotals> {
	checkReportQuery(q);
	const t = await getActivityTotals(q);
	return {
		events: t.events,
		active_users: t.active_users,
		sign_ins: t.sign_ins,
		failed_sign_ins: t.failed_sign_ins,
		exports: t.exports,
		exported_records: t.exported_records,
		exported_bytes: t.exported_bytes,
		privilege_changes: t.privilege_changes,
		configuration_changes: t.configuration_changes,
		deletions: t.deletions
	};
}
