import { responsesOf } from '../alerts/alert-history';
import { getConfig } from '../config';
import { listAlertHistory, type AlertHistoryRow } from '../queries/alerts/list-alert-history';
import { listAlertResponses } from '../queries/monthly/list-alert-responses';
import type { MonthAlert } from '../queries/monthly/list-month-alerts';
import { getPeriodTotals } from '../reports/period-totals';
import { getSecurityReport } from '../reports/security-report';
import { listDayCounts } from '../queries/monthly/list-day-counts';
import { listMonthAlerts } from '../queries/monthly/list-month-alerts';
import { listMonthChanges } from '../queries/monthly/list-month-changes';
import { listExports } from '../queries/monthly/list-month-exports';
import { listTargetedAccounts } from '../queries/monthly/list-targeted-accounts';
import type { MonthScope } from '../queries/monthly/month-where';

const earliest = (...xs: (string | null | undefined)[]) => xs.filter((x): x is string => !!x).sort()[0] ?? null;

/**
 * When and by whom alerts were first acknowledged and resolved, and their comments, from their
 * history (and the audit trail for alerts handled before the history was kept). An alert resolved
 * without an acknowledgement was answered when, and by whom, it was resolved.
 */
function withResponses(alerts: MonthAlert[], responses: Map<string, { acknowledgedAt: string | null; resolvedAt: string | null }>, history: AlertHistoryRow[]) {
	const byAlert = new Map<string, AlertHistoryRow[]>();
	for (const h of history) byAlert.set(h.alertId, [...(byAlert.get(h.alertId) ?? []), h]);
	return alerts.map((a) => {
		const r = responses.get(a.id);
		const h = responsesOf(byAlert.get(a.id) ?? []);
		const resolvedAt = earliest(a.resolvedAt, r?.resolvedAt, h.resolvedAt);
		const acknowledgedAt = earliest(a.acknowledgedAt, r?.acknowledgedAt, h.acknowledgedAt, resolvedAt);
		const acknowledgedBy = h.acknowledgedBy || (acknowledgedAt === resolvedAt ? h.resolvedBy : '');
		return { ...a, resolvedAt, acknowledgedAt, acknowledgedBy, resolvedBy: h.resolvedBy, comments: h.comments };
	});
}

/** Rows of the whole-month lists read for the CSV attachments. */
export const LIST_CAP = 10_000;

/**
 * Everything the report of one tenant's month reads, in parallel. The figures come from the
 * security report and period totals (issue 5); what those do not give is read here: every change
 * (their lists are capped), every export for the CSV, the accounts each IP aimed at, alerts with
 * response times, and days in the zone. Mass deletions are the security report's bursts.
 */
export async function gatherMonth(s: MonthScope, previous: MonthScope, timezone: string, now: Date) {
	const q = { scope: [s.tenant], tenant: s.tenant, from: s.from, to: s.to, timezone };
	const [security, previousTotals, allExports, privilege, configuration, days, alerts, previousAlerts] = await Promise.all([
		getSecurityReport(q),
		getPeriodTotals({ ...q, from: previous.from, to: previous.to }),
		listExports(s, LIST_CAP),
		listMonthChanges(s, 'privilege'),
		listMonthChanges(s, 'configuration'),
		listDayCounts(s.tenant, s.from, s.to, timezone),
		listMonthAlerts(s),
		listMonthAlerts(previous)
	]);
	const [targeted, responses, history] = await Promise.all([
		listTargetedAccounts(s, security.failed_logins_by_ip.slice(0, 10).map((f) => f.ip)),
		listAlertResponses(getConfig().auditTenant, alerts.map((a) => a.id), s.from, now),
		listAlertHistory(s.tenant, alerts.map((a) => a.id))
	]);
	return { security, previousTotals, targeted, allExports, privilege, configuration, days, alerts: withResponses(alerts, responses, history), previousAlerts };
}
export type MonthData = Awaited<ReturnType<typeof gatherMonth>>;
