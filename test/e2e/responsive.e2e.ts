import { expect, test, type Page } from '@playwright/test';
import { ADMIN, API, signIn } from './support';
import { axe, noPageOverflow } from './page-checks';

// Every page at a phone's and a laptop's size: nothing wider than the screen, the main links
// readable, and no serious or critical accessibility finding.
const SIZES = [
	{ name: 'phone', width: 390, height: 844 },
	{ name: 'desktop', width: 1440, height: 900 }
];

async function pages(page: Page) {
	// A key of its own, so the keys page shows its table on a fresh store too.
	expect((await page.request.post('/api/v1/keys', { headers: API, data: { name: 'responsive check', scopes: ['read'] } })).status()).toBe(201);
	await page.goto('/alerts');
	const alert = await page.locator('a[href^="/alerts/"]').first().getAttribute('href');
	await page.goto('/events?from=now-7d');
	const event = await page.locator('tbody tr[data-id]').first().getAttribute('data-id');
	const months = await page.goto('/reports/monthly');
	expect(months?.status()).toBe(200);
	const month = await page.locator('a[href^="/reports/monthly/"]').first().getAttribute('href');
	return [
		['overview', '/'],
		['events', '/events'],
		['event', `/events/${event}`],
		['security-report', '/reports/security'],
		['security-report-filtered', '/reports/security?source=workspace&ip=0.0.0.0/0'],
		['security-report-bad-filter', '/reports/security?ip=10.0.0.0/33'],
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

const MAIN = new Set(['overview', 'events', 'event', 'security-report', 'security-report-filtered', 'alerts', 'alert', 'monthly-report']);

for (const size of SIZES) {
	test(`every page fits ${size.width} px, with readable links and no serious accessibility finding`, async ({ page }) => {
		test.setTimeout(180_000);
		await page.setViewportSize(size);
		await page.goto('/login');
		await page.waitForLoadState('networkidle');
		await noPageOverflow(page, 'login');
		await axe(page);
		await signIn(page, ADMIN.email, ADMIN.password);
		await expect(page.getByRole('heading', { name: 'Overview' })).toBeVisible();
		for (const [name, path] of await pages(page)) {
			await test.step(name, async () => {
				await page.goto(path);
				await page.waitForLoadState('networkidle');
				// The main pages, as the README shows them (the first screen of each): written to
				// docs/screenshots only when asked (SCREENSHOTS=1), so a test run leaves the checkout as it was.
				if (MAIN.has(name)) await page.screenshot({ path: `${process.env.SCREENSHOTS ? 'docs/screenshots' : test.info().outputDir}/${size.name}-${name}.png` });
				await noPageOverflow(page, name);
				if (size.name === 'phone') await expect(page.getByRole('button', { name: 'Menu' })).toBeVisible();
				else await expect(page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Events', exact: true })).toBeInViewport();
				if (name === 'security-report-bad-filter') await expect(page.getByLabel('IP or CIDR')).toHaveAccessibleDescription(/is not an IP address or CIDR block/);
				if (name === 'security-report-filtered') await expect(page.getByText('Filtered by')).toBeVisible();
				await axe(page);
			});
		}
	});
}
