import type { EChartsOption } from 'echarts';

export interface DaySeries {
	/** Days as YYYY-MM-DD, every day of the month (zero days included). */
	days: string[];
	values: number[];
}

// Rendered to PNG on the server without a browser: one font the machine has, no animation.
const FONT = 'DejaVu Sans, Liberation Sans, sans-serif';

/**
 * Bars per day of the month, titled; the same option for event volume and failed sign-ins. The
 * PNG is 648 px wide and a phone shows it at about 360: its text is drawn large enough (20 px
 * and more) to read at that scale, every third day labelled.
 */
export function dayBarsOption(title: string, s: DaySeries, color: string): EChartsOption {
	return {
		animation: false,
		backgroundColor: '#ffffff',
		textStyle: { fontFamily: FONT },
		title: { text: title, left: 8, top: 6, textStyle: { fontSize: 22, fontWeight: 'bold', color: '#0f172a', fontFamily: FONT } },
		grid: { left: 84, right: 16, top: 56, bottom: 40 },
		xAxis: {
			type: 'category',
			data: s.days.map((d) => String(Number(d.slice(8, 10)))),
			axisLabel: { interval: 2, color: '#334155', fontSize: 20 },
			axisTick: { alignWithLabel: true }
		},
		yAxis: { type: 'value', minInterval: 1, axisLabel: { color: '#334155', fontSize: 20 }, splitLine: { lineStyle: { color: '#e2e8f0' } } },
		series: [{ type: 'bar', data: s.values, color, barMaxWidth: 14 }]
	};
}
