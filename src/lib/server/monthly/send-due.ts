import { listReportTenants } from '../queries/monthly/list-report-tenants';
import { SYSTEM_ACTOR } from './deps';
import { dueMonth, monthRange, type Month } from './month';
import { sendMonthlyReport, type SendDeps, type SendResult } from './send-report';

// A tenant counts for a month if it held events before the month ended in any zone (UTC+14).
const LATEST_ZONE = 'Pacific/Kiritimati';

/**
 * The scheduled part: the latest due month's report for every tenant that has none yet. Run often
 * (every 15 minutes): the first run after 08:00 on the 1st sends, a run after downtime sends what
 * was missed, failed sends are retried with backoff, and every other run finds nothing to do.
 */
export async function sendDueReports(now: Date, zone: string, deps: SendDeps): Promise<{ month: Month; results: (SendResult & { tenant: string })[] }> {
	const month = dueMonth(now, zone);
	const tenants = await listReportTenants(monthRange(month, LATEST_ZONE).to);
	const results: (SendResult & { tenant: string })[] = [];
	// One tenant at a time: a report reads a month of events, and the store is shared with the UI.
	for (const tenant of tenants) {
		try {
			results.push({ tenant, ...(await sendMonthlyReport(tenant, month, 'scheduled', SYSTEM_ACTOR, deps)) });
		} catch (e) {
			console.error(`monthly report of ${tenant} for ${month}:`, e);
			results.push({ tenant, outcome: 'failed', run: null });
		}
	}
	return { month, results };
}
