import { getConfig } from '../src/lib/server/config';
import type { Job } from './job';

// Loaded at the first run: the sender brings echarts and the PNG renderer, which the web process
// need not load at boot.
async function loadSender() {
	const [{ defaultSendDeps }, { sendDueReports }] = await Promise.all([import('../src/lib/server/monthly/deps'), import('../src/lib/server/monthly/send-due')]);
	return { defaultSendDeps, sendDueReports };
}

/**
 * The monthly compliance report, due at 08:00 on the 1st in REPORT_TIMEZONE. The scheduler's cron
 * runs in UTC, so this checks every 15 minutes (every zone's offset is whole quarter hours) whether
 * a report is due and unsent; that also sends a report missed while the server was down, at the
 * first check after it starts again, and retries a failed send.
 */
export const monthlyReport: Job = {
	name: 'monthly-report',
	schedule: '*/15 * * * *',
	async run(now) {
		const { defaultSendDeps, sendDueReports } = await loadSender();
		// The scheduler's clock may be a test's; times during the run advance from it.
		const offset = now.getTime() - Date.now();
		const deps = defaultSendDeps({ clock: () => new Date(Date.now() + offset) });
		const { month, results } = await sendDueReports(now, getConfig().monthlyReport.timezone, deps);
		const sent = results.filter((r) => r.outcome === 'sent').map((r) => r.tenant);
		const failed = results.filter((r) => r.outcome === 'failed').map((r) => r.tenant);
		if (sent.length === 0 && failed.length === 0) return `${month}: nothing due`;
		return `${month}: sent to ${sent.join(', ') || 'none'}${failed.length ? `; failed for ${failed.join(', ')} (retried later)` : ''}`;
	}
};
