import { Resvg } from '@resvg/resvg-js';
import * as echarts from 'echarts';
import type { EChartsOption } from 'echarts';

export interface PngSize {
	width: number;
	height: number;
}

/**
 * An echarts option drawn on the server as SVG, then as PNG (mail clients show no SVG). Drawn at
 * twice the size so it stays sharp on phones; resvg draws text with the system's fonts (DejaVu Sans
 * on Debian), so a machine without any font would give charts without labels.
 */
export function renderChartPng(option: EChartsOption, size: PngSize): Buffer {
	const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width: size.width, height: size.height });
	let svg: string;
	try {
		chart.setOption(option);
		svg = chart.renderToSVGString();
	} finally {
		chart.dispose();
	}
	const png = new Resvg(svg, { font: { loadSystemFonts: true, defaultFontFamily: 'DejaVu Sans' }, fitTo: { mode: 'zoom', value: 2 }, background: '#ffffff' });
	return png.render().asPng();
}
