import { listMonthRuns } from '../queries/monthly/report-runs';
import { buildMonthlyReport } from './build-report';
import { reportChartPngs } from './charts';
import type { Month } from './month';

const dataUrl = (png: Buffer) => `data:image/png;base64,${png.toString('base64')}`;

/** What /reports/monthly/{YYYY-MM} shows: the report as the email has it (charts as data: URLs), and its sends. */
export async function getMonthlyPage(tenant: string, month: Month, now: Date) {
	const [{ report }, runs] = await Promise.all([buildMonthlyReport(tenant, month, now), listMonthRuns(tenant, month)]);
	const png = reportChartPngs(report);
	return { report, images: { volume: dataUrl(png.volume), failures: dataUrl(png.failures) }, runs };
}
