import type { EChartsOption } from 'echarts';

export interface Bucket {
	t: string;
	success: number;
	failure: number;
	pending: number;
}

const SERIES = [
	{ key: 'success', name: 'Success', color: '#60a5fa' },
	{ key: 'failure', name: 'Failure', color: '#dc2626' },
	{ key: 'pending', name: 'Pending', color: '#a3a3a3' }
] as const;

/**
 * Stacked bars of event volume by result over time. Buckets come sparse from the server (empty
 * ones omitted); they are placed on a time axis, so gaps show as gaps. The brush lets a person
 * drag across a span to narrow the period.
 */
export function histogramOption(buckets: Bucket[], intervalMs: number, timeZone: string): EChartsOption {
	return {
		animation: false,
		grid: { left: 48, right: 16, top: 28, bottom: 28 },
		legend: { top: 0, right: 0, data: SERIES.map((s) => s.name) },
		tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
		xAxis: {
			type: 'time',
			axisLabel: { hideOverlap: true, formatter: (v: number) => new Date(v).toLocaleString(undefined, { timeZone, month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit' }) }
		},
		yAxis: { type: 'value', minInterval: 1, splitLine: { lineStyle: { color: '#e4e4e7' } } },
		brush: { xAxisIndex: 0, brushType: 'lineX', brushMode: 'single', transformable: false, throttleType: 'debounce', throttleDelay: 300 },
		toolbox: { show: false },
		series: SERIES.map((s) => ({
			name: s.name,
			type: 'bar',
			stack: 'volume',
			color: s.color,
			barMaxWidth: 24,
			// Bars centred on the middle of their bucket, so a bar covers the time it counts.
			data: buckets.map((b) => [Date.parse(b.t) + intervalMs / 2, b[s.key]])
		}))
	};
}

export const SERIES_KEYS = SERIES.map((s) => s.key);
