import type { Attachment } from 'svelte/attachments';
import type { ECharts, EChartsOption } from 'echarts';

/**
 * An echarts chart as a Svelte attachment: created once (echarts loaded on demand, so pages
 * without charts never download it), updated in place when the option changes, resized with
 * its box, disposed with the element.
 */
export function chart(getOption: () => EChartsOption, onReady?: (c: ECharts) => void): Attachment<HTMLElement> {
	return (node) => {
		let instance: ECharts | undefined;
		let disposed = false;
		const ro = new ResizeObserver(() => instance?.resize());
		void import('echarts').then((echarts) => {
			if (disposed) return;
			instance = echarts.init(node, null, { renderer: 'svg' });
			instance.setOption(getOption(), { notMerge: true });
			ro.observe(node);
			onReady?.(instance);
		});
		$effect(() => {
			const option = getOption();
			instance?.setOption(option, { notMerge: true });
		});
		return () => {
			disposed = true;
			ro.disconnect();
			instance?.dispose();
		};
	};
}
