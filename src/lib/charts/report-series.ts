import type { EChartsOption } from 'echarts';

export interface SeriesPoint {
	from: string;
	to: string;
	events_query?: string;
}

export interface ChartSeries {
	name: string;
	color: string;
	points: (SeriesPoint & { value: number })[];
}

/** Colours per category, so a category looks the same on every chart. */
export const CATEGORY_COLORS: Record<string, string> = {
	authentication: '#2563eb',
	authorization: '#7c3aed',
	user_management: '#db2777',
	configuration: '#ea580c',
	data_access: '#0891b2',
	data_export: '#dc2626',
	data_change: '#65a30d',
	integration: '#ca8a04',
	system: '#64748b',
	other: '#a1a1aa'
};

const label = (iso: string, tz: string, daily: boolean) =>
	new Date(iso).toLocaleString('en-GB', daily ? { timeZone: tz, day: 'numeric', month: 'short' } : { timeZone: tz, day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' });

/**
 * Stacked bars over the period's buckets, one category axis entry per bucket (so a 25-hour day is
 * one bar like any other); a click on a bar opens its events (see the chart's onReady).
 */
export function seriesOption(series: ChartSeries[], tz: string, opts: { stacked?: boolean } = {}): EChartsOption {
	const points = series[0]?.points ?? [];
	const daily = points.length > 0 && Date.parse(points[0].to) - Date.parse(points[0].from) > 3 * 3600e3;
	return {
		animation: false,
		grid: { left: 48, right: 12, top: series.length > 1 ? 36 : 12, bottom: 28 },
		legend: series.length > 1 ? { top: 0, left: 0, type: 'scroll', data: series.map((s) => s.name) } : undefined,
		tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
		xAxis: { type: 'category', data: points.map((p) => label(p.from, tz, daily)), axisLabel: { hideOverlap: true }, axisTick: { alignWithLabel: true } },
		yAxis: { type: 'value', minInterval: 1, splitLine: { lineStyle: { color: '#e4e4e7' } } },
		series: series.map((s) => ({
			name: s.name,
			type: 'bar',
			stack: opts.stacked === false ? undefined : 'total',
			color: s.color,
			barMaxWidth: 28,
			cursor: 'pointer',
			data: s.points.map((p) => p.value)
		}))
	};
}
