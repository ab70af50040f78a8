import type { BusinessHours } from '../../schemas/tenant-settings';
import { listFailedLoginsByIp } from '../queries/reports/list-failed-logins-by-ip';
import { getMonthTotals } from '../queries/monthly/get-month-totals';
import { listDayCounts } from '../queries/monthly/list-day-counts';
import { listDeletionsByActor } from '../queries/monthly/list-deletions-by-actor';
import { listMassDeletions } from '../queries/monthly/list-mass-deletions';
import { listMonthChanges } from '../queries/monthly/list-month-changes';
import { listExports, listExportsByUser } from '../queries/monthly/list-month-exports';
import { listOffHours } from '../queries/monthly/list-off-hours';
import { listTargetedAccounts } from '../queries/monthly/list-targeted-accounts';
import type { MonthScope } from '../queries/monthly/month-where';

export const TOP = 10;
/** Rows of the whole-month lists read for the CSV attachments (exports) and the off-hours table. */
export const LIST_CAP = 10_000;

/** Everything the report of one tenant's month reads, in parallel. */
export async function gatherMonth(s: MonthScope, previous: MonthScope, bh: BusinessHours, timezone: string, rowLimit: number) {
	const [totals, previousTotals, failedLogins, exportsByUser, largest, allExports, privilege, configuration, offHours, deletions, massDeletions, days] =
		await Promise.all([
			getMonthTotals(s),
			getMonthTotals(previous),
			listFailedLoginsByIp({ scope: [s.tenant], tenant: s.tenant, from: s.from, to: s.to, limit: TOP }),
			listExportsByUser(s, TOP),
			listExports(s, TOP, 'largest'),
			listExports(s, LIST_CAP, 'time'),
			listMonthChanges(s, 'privilege'),
			listMonthChanges(s, 'configuration'),
			listOffHours(s, bh, rowLimit),
			listDeletionsByActor(s, TOP),
			listMassDeletions(s.tenant, s.from, s.to),
			listDayCounts(s.tenant, s.from, s.to, timezone)
		]);
	const targeted = await listTargetedAccounts(s, failedLogins.map((f) => f.ip));
	return { totals, previousTotals, failedLogins, targeted, exportsByUser, largest, allExports, privilege, configuration, offHours, deletions, massDeletions, days };
}
export type MonthData = Awaited<ReturnType<typeof gatherMonth>>;
