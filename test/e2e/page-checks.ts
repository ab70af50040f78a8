import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';

/** The page is no wider than the screen; a failure names the elements that reach past it. */
export async function noPageOverflow(page: Page, where: string) {
	const { scroll, client, wide } = await page.evaluate(() => {
		const client = document.documentElement.clientWidth;
		// The outermost elements that reach past the screen's edge, to name in the failure.
		const wide = [...document.body.querySelectorAll('*')]
			.filter((e) => e.getBoundingClientRect().right > client + 1 && !(e.parentElement && e.parentElement.getBoundingClientRect().right > client + 1))
			.slice(0, 5)
			.map((e) => `${e.tagName.toLowerCase()}.${[...e.classList].join('.')}`);
		return { scroll: document.documentElement.scrollWidth, client, wide };
	});
	expect.soft(scroll, `${where} scrolls sideways: ${wide.join(', ')}`).toBeLessThanOrEqual(client);
}

/** No serious or critical finding of axe-core on the page as it is now. */
export async function axe(page: Page) {
	const r = await new AxeBuilder({ page }).analyze();
	const bad = r.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
	expect.soft(bad.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`)).toEqual([]);
}

