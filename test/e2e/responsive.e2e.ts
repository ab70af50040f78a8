import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { ADMIN, signIn } from './support';

// Every page at a phone's and a laptop's size: nothing wider than the screen, the main links
// readable, and no serious or critical accessibility finding.
const SIZES = [
	{ name: 'phone', width: 390, height: 844 },
	{ name: 'desktop', width: 1440, height: 900 }
];

async function pages(page: Page) {
	await page.goto('/alerts');
	const alert = await page.locator('a[href^="/alerts/"]').first().getAttribute('href');
	await page.goto('/events?from=now-7d');
	const event = await page.locator('tbody tr').first().getAttribute('data-id');
	const months = await page.goto('/reports/monthly');
	expect(months?.status()).toBe(200);
	const month = await page.locator('a[href^="/reports/monthly/"]').first().getAttribute('href');
	return [
		['overview', '/'],
		['events', '/events'],
		['event', `/events/${event}`],
		['security-report', '/reports/security'],
		['alerts', '/alerts'],
		['alert', alert!],
		['rules', '/rules'],
		['monthly-reports', '/reports/monthly'],
		['monthly-report', month!],
		['users', '/admin/users'],
		['keys', '/admin/keys'],
		['settings', '/admin/settings']
	] as const;
}

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

export async function axe(page: Page) {
	const r = await new AxeBuilder({ page }).analyze();
	const bad = r.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
	expect.soft(bad.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`)).toEqual([]);
}

for (const size of SIZES) {
	test(`every page fits ${size.width} px, with readable links and no serious accessibility finding`, async ({ page }) => {
		test.setTimeout(180_000);
		await page.setViewportSize(size);
		await signIn(page, ADMIN.email, ADMIN.password);
		await expect(page.getByRole('heading', { name: 'Overview' })).toBeVisible();
		for (const [name, path] of await pages(page)) {
			await test.step(name, async () => {
				await page.goto(path);
				await page.waitForLoadState('networkidle');
				await page.screenshot({ path: `/tmp/shots/${size.name}-${name}.png`, fullPage: true });
				await noPageOverflow(page, name);
				await axe(page);
			});
		}
	});
}
