import { createHash } from 'node:crypto';
import { formatNumber } from '../../format';
import type { MonthlyReport } from '../../monthly/model';
import type { MailMessage } from '../mail/mailer';
import { alertCsvRows } from './alert-figures';
import { buildMonthlyReport } from './build-report';
import { reportChartPngs } from './charts';
import { reportCsvFiles } from './csv';
import type { Month } from './month';
import { renderReportHtml, renderReportText } from './render-email';

/** A digest of the figures (not of when they were read), so two sends of one month can be compared. */
export function reportDigest(r: MonthlyReport): string {
	const { generatedAt: _g, ...figures } = r;
	return createHash('sha256').update(JSON.stringify(figures)).digest('hex');
}

/** One line for the list of past reports. */
export function reportSummaryLine(r: MonthlyReport): string {
	const get = (k: string) => formatNumber(r.summary.find((f) => f.key === k)?.value ?? 0);
	return `${get('events')} events, ${get('failed_sign_ins')} failed sign-ins, ${get('exports')} exports, ${get('privilege_changes')} privilege changes`;
}

/** The whole email of a tenant's month: HTML from the page's component, text part, charts inline, CSV attached. */
export async function composeMonthlyEmail(tenant: string, month: Month, now: Date, appUrl: string) {
	const built = await buildMonthlyReport(tenant, month, now);
	const { report } = built;
	const png = reportChartPngs(report);
	const csv = reportCsvFiles(built, alertCsvRows(built.data.alerts));
	const names = csv.map((f) => f.filename);
	const html = renderReportHtml(report, { appUrl, images: { volume: 'cid:volume-chart', failures: 'cid:failures-chart' }, attachments: names });
	const message: Omit<MailMessage, 'to'> = {
		subject: `${report.complete ? '' : '[Preview] '}Compliance report ${report.label}: ${tenant}`,
		text: renderReportText(report, { appUrl, attachments: names }),
		html,
		attachments: [
			{ filename: 'events-per-day.png', content: png.volume, contentType: 'image/png', cid: 'volume-chart' },
			{ filename: 'failed-sign-ins-per-day.png', content: png.failures, contentType: 'image/png', cid: 'failures-chart' },
			...csv.map((f) => ({ filename: f.filename, content: f.content, contentType: 'text/csv; charset=utf-8' }))
		]
	};
	return { message, summary: reportSummaryLine(report), digest: reportDigest(report), report };
}
