import { dayBarsOption } from '../../charts/monthly';
import { renderChartPng } from '../../charts/png.server';
import type { MonthlyReport } from '../../monthly/model';

export const CHART_SIZE = { width: 648, height: 280 };

/** The report's two charts as PNG: event volume and failed sign-ins per day of the month. */
export function reportChartPngs(r: MonthlyReport): { volume: Buffer; failures: Buffer } {
	const days = r.days.map((d) => d.day);
	return {
		volume: renderChartPng(dayBarsOption(`Events per day, ${r.label} (${r.timezone})`, { days, values: r.days.map((d) => d.events) }, '#2563eb'), CHART_SIZE),
		failures: renderChartPng(dayBarsOption(`Failed sign-ins per day, ${r.label}`, { days, values: r.days.map((d) => d.failedSignIns) }, '#dc2626'), CHART_SIZE)
	};
}
