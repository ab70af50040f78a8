import { expect, test, type Page } from '@playwright/test';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { simpleParser } from 'mailparser';
import { ADMIN, API, signIn } from './support';
import { axe, noPageOverflow } from './page-checks';

const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1440, height: 900 };

/** WCAG contrast ratio of two CSS rgb() colours. */
function contrast(a: string, b: string): number {
	const lum = (c: string) => {
		const [r, g, bl] = (c.match(/[\d.]+/g) ?? []).slice(0, 3).map((v) => Number(v) / 255).map((v) => (v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4));
		return 0.2126 * r + 0.7152 * g + 0.0722 * bl;
	};
	const [hi, lo] = [lum(a), lum(b)].sort((x, y) => y - x);
	return (hi + 0.05) / (lo + 0.05);
}

/** Every main link is on screen, on the dark header, with a contrast of at least 4.5. */
async function headerLinksReadable(page: Page) {
	const header = page.locator('header').first();
	const bg = await header.evaluate((h) => getComputedStyle(h).backgroundColor);
	const links = page.getByRole('navigation', { name: 'Main' }).getByRole('link');
	expect(await links.count()).toBeGreaterThan(5);
	for (const link of await links.all()) {
		await expect(link).toBeInViewport();
		const color = await link.evaluate((a) => getComputedStyle(a).color);
		expect(contrast(color, bg), `${await link.textContent()} on the header`).toBeGreaterThanOrEqual(4.5);
		const box = (await link.boundingBox())!;
		const headerBox = (await header.boundingBox())!;
		expect(box.y + box.height).toBeLessThanOrEqual(headerBox.y + headerBox.height + 1);
	}
}

test.beforeEach(async ({ page }) => {
	await signIn(page, ADMIN.email, ADMIN.password);
	await expect(page.getByRole('heading', { name: 'Overview' })).toBeVisible();
});

test('on a phone the header folds into a Menu whose links are readable; on a laptop they show at once', async ({ page }) => {
	await page.setViewportSize(PHONE);
	await page.goto('/events');
	const menu = page.getByRole('button', { name: 'Menu' });
	await expect(menu).toHaveAttribute('aria-expanded', 'false');
	await expect(page.getByRole('navigation', { name: 'Main' })).toBeHidden();
	await menu.click();
	await expect(menu).toHaveAttribute('aria-expanded', 'true');
	await headerLinksReadable(page);
	await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Alerts', exact: true }).click();
	await page.waitForURL('**/alerts');
	// The menu closes once the page changed.
	await expect(page.getByRole('navigation', { name: 'Main' })).toBeHidden();

	await page.setViewportSize(DESKTOP);
	await expect(page.getByRole('button', { name: 'Menu' })).toBeHidden();
	await headerLinksReadable(page);
});

test('the keyboard: a skip link first, one Tab stop per row, and focus back on the row when the drawer closes', async ({ page }) => {
	await page.setViewportSize(DESKTOP);
	await page.goto('/events?from=now-7d&limit=25');
	await page.waitForLoadState('networkidle');
	await page.keyboard.press('Tab');
	const skip = page.getByRole('link', { name: 'Skip to content' });
	await expect(skip).toBeFocused();
	await expect(skip).toBeInViewport();
	await page.keyboard.press('Enter');
	await expect(page.locator('main')).toBeFocused();

	const rows = page.locator('tbody tr[data-id]');
	const first = rows.nth(2).locator('a.open');
	await first.focus();
	await page.keyboard.press('Tab');
	await expect(rows.nth(3).locator('a.open')).toBeFocused();

	const id = await rows.nth(3).getAttribute('data-id');
	await page.keyboard.press('Enter');
	await page.waitForURL(`**event=${id}*`);
	const drawer = page.getByRole('dialog');
	await expect(drawer).toBeVisible();
	await expect(drawer.getByRole('navigation', { name: 'Filter the timeline by this event' }).getByRole('link', { name: /^This user/ })).toBeVisible();
	await page.keyboard.press('Escape');
	await expect(drawer).toBeHidden();
	await expect(page.locator(`tr[data-id="${id}"] a.open`)).toBeFocused();

	// Closing with the button returns focus the same way.
	await page.locator(`tr[data-id="${id}"] a.open`).click();
	await expect(drawer).toBeVisible();
	await drawer.getByRole('button', { name: 'Close' }).click();
	await expect(page.locator(`tr[data-id="${id}"] a.open`)).toBeFocused();
});

test('the drawer pivots to the timeline of its user', async ({ page }) => {
	await page.goto('/events?from=now-7d&category=authentication');
	await page.waitForLoadState('networkidle');
	await page.locator('tbody tr[data-id] a.open').first().click();
	const pivots = page.getByRole('dialog').getByRole('navigation', { name: 'Filter the timeline by this event' });
	const user = (await pivots.getByRole('link', { name: /^This user/ }).locator('.value').textContent())!;
	await pivots.getByRole('link', { name: /^This user/ }).click();
	await page.waitForURL((u) => u.searchParams.get('actor') === user);
	await expect(page.getByRole('dialog')).toBeHidden();
	await expect(page.getByRole('combobox', { name: 'User', exact: true })).toHaveValue(user);
});

test('a mistyped IP or CIDR on the timeline marks the field and keeps the page; the API answers 400 naming it', async ({ page, request }) => {
	for (const size of [PHONE, DESKTOP]) {
		await page.setViewportSize(size);
		const r = await page.goto('/events?from=now-7d&source=workspace&ip=10.0.0.0/33');
		expect(r?.status()).toBe(200);
		const ip = page.getByLabel('IP or CIDR');
		await expect(ip).toHaveAttribute('aria-invalid', 'true');
		await expect(ip).toHaveValue('10.0.0.0/33');
		await expect(ip).toHaveAccessibleDescription(/is not an IP address or CIDR block/);
		await expect(page.getByRole('alert')).toContainText('ip');
		// The rest of the page stays: the other filters, the header, the way out.
		await expect(page.getByLabel('Source')).toHaveValue('workspace');
		await expect(page.getByRole('heading', { name: 'Events', level: 1 })).toBeVisible();
		await noPageOverflow(page, `timeline with a bad filter at ${size.width}`);
		await axe(page);
		await ip.fill('10.0.0.0/8');
		await page.getByRole('button', { name: 'Apply filters' }).click();
		await page.waitForURL((u) => u.searchParams.get('ip') === '10.0.0.0/8');
		await expect(page.getByLabel('IP or CIDR')).not.toHaveAttribute('aria-invalid', 'true');
	}
	for (const path of ['/api/v1/reports/failed-logins?ip=10.0.0.0/33', '/api/v1/events?ip=10.0.0.0/33']) {
		const r = await request.get(path, { headers: API });
		expect(r.status(), path).toBe(400);
		expect((await r.json()).error.parameter, path).toBe('ip');
	}
});

test('a bad alert filter is named at its field while the list still answers', async ({ page }) => {
	const r = await page.goto(`/alerts?severity=urgent&group=${'x'.repeat(300)}`);
	expect(r?.status()).toBe(200);
	const severity = page.getByLabel('Severity');
	await expect(severity).toHaveAttribute('aria-invalid', 'true');
	await expect(severity).toHaveAccessibleDescription(/severity must be any of/);
	await expect(page.getByRole('heading', { name: 'Alerts', level: 1 })).toBeVisible();
	await expect(page.getByText(/of [\d,]+|No alerts match/).first()).toBeVisible();
	await axe(page);
});

test('the time zone is picked from every IANA zone and applies to the times shown', async ({ page }) => {
	await page.goto('/');
	const tz = page.getByLabel('Time zone');
	await tz.fill('Asia/Tokyo');
	await page.getByRole('button', { name: 'Apply' }).click();
	await page.waitForURL((u) => u.searchParams.get('tz') === 'Asia/Tokyo');
	await expect(page.getByText(/times in Asia\/Tokyo/)).toBeVisible();
	const options = await page.locator('#pp-tz-zones option').count();
	expect(options).toBeGreaterThan(300);
	await page.goto('/events?tz=America/New_York&from=now-1d');
	await expect(page.getByRole('columnheader', { name: 'Time (America/New_York)' })).toBeVisible();
	await page.goto('/events?tz=Mars/Olympus');
	await expect(page.getByLabel('Time zone')).toHaveAttribute('aria-invalid', 'true');
});

async function outboxMail(subject: (s: string) => boolean) {
	const outbox = join(process.env.E2E_DATA_DIR!, 'outbox');
	if (!existsSync(outbox)) return undefined;
	const mails = await Promise.all(readdirSync(outbox).filter((f) => f.endsWith('.eml')).sort().reverse().map((f) => simpleParser(readFileSync(join(outbox, f)))));
	return mails.find((m) => subject(m.subject ?? ''));
}

/** An email's HTML opened in Chromium at a phone's width, as a mail app shows it. */
async function emailFitsPhone(page: Page, html: string, name: string) {
	await page.setViewportSize(PHONE);
	await page.setContent(html);
	await page.screenshot({ path: `test-results/${name}-phone.png`, fullPage: true });
	await noPageOverflow(page, name);
	const card = await page.evaluate(() => Math.max(...[...document.body.querySelectorAll('div, table')].map((e) => e.getBoundingClientRect().right)));
	expect(card, `${name}: its card fits the screen`).toBeLessThanOrEqual(390);
}

test('the alert email fits a phone', async ({ page, request }) => {
	const tenant = `mail${Date.now().toString(36)}`;
	const ip = `198.51.100.${Math.floor(Math.random() * 200) + 20}`;
	const base = Date.now() - 10 * 60_000;
	const events = Array.from({ length: 12 }, (_, i) => ({ tenant, occurred_at: new Date(base + i * 15_000).toISOString(), action: 'login_failed', outcome: 'failure', actor: { id: `a-very-long-account-identifier-${i}`, email: `someone.with.a.long.name${i}@a-long-domain-name.example` }, ip, user_agent: 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15' }));
	expect((await request.post('/api/v1/events', { headers: API, data: events })).status()).toBe(202);
	await page.goto(`/admin/settings?tenant=${tenant}`);
	await page.waitForLoadState('networkidle');
	await page.getByLabel('Alert recipients').fill('responder@example.com');
	await page.getByRole('button', { name: 'Save settings' }).click();
	await expect(page.getByRole('status')).toContainText(`Saved the settings of ${tenant}`);
	expect((await request.post('/api/v1/rules/evaluate', { headers: API, data: { since: 'now-30m' } })).status()).toBe(200);
	const mail = await outboxMail((s) => s.includes(ip));
	expect(mail, 'the alert email is in the outbox').toBeTruthy();
	await emailFitsPhone(page, String(mail!.html), 'alert-email');
	const button = (await page.getByRole('link', { name: 'Open the alert' }).boundingBox())!;
	expect(button.x + button.width).toBeLessThanOrEqual(390);
});

test('the monthly email fits a phone and opens with what needs attention', async ({ page, request }) => {
	test.setTimeout(90_000);
	const [y, m] = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris', year: 'numeric', month: '2-digit' }).format(new Date()).split('-').map(Number);
	const month = m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
	const label = new Date(`${month}-15T12:00:00Z`).toLocaleString('en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' });
	await page.goto('/admin/settings?tenant=default');
	await page.waitForLoadState('networkidle');
	await page.getByLabel('Report recipients').fill('e2e-manager@example.com');
	await page.getByRole('button', { name: 'Save settings' }).click();
	await expect(page.getByRole('status')).toContainText(/Saved the settings of default|Nothing changed/);
	// Sent now, or already sent by the scheduler or another test: either way it is in the outbox.
	expect((await request.post(`/api/v1/reports/monthly/${month}/send?tenant=default`, { headers: API, timeout: 60_000 })).status()).toBe(200);
	const mail = await outboxMail((s) => s === `Compliance report ${label}: default`);
	expect(mail).toBeTruthy();
	await emailFitsPhone(page, String(mail!.html), 'monthly-email');
	await expect(page.getByRole('heading', { name: 'What needs attention' })).toBeVisible();
	expect(String(mail!.text)).toContain('WHAT NEEDS ATTENTION');
});

test('the security report opens with what needs attention and lists the top 10 of a section until asked for all', async ({ page }) => {
	await page.goto('/reports/security?period=7d');
	await expect(page.getByRole('heading', { name: 'What needs attention' })).toBeVisible();
	await expect(page.getByRole('region', { name: 'What needs attention' }).getByRole('listitem').first()).toBeVisible();
	const section = page.getByRole('region', { name: 'Configuration changes' });
	const rows = section.getByRole('table').locator('tbody tr');
	await expect(rows).toHaveCount(10);
	const all = section.getByRole('button', { name: /^Show all [\d,]+/ });
	const total = Number((await all.textContent())!.replace(/\D/g, ''));
	expect(total).toBeGreaterThan(10);
	await all.click();
	await expect(rows).toHaveCount(total);
	await expect(section.getByRole('button', { name: 'Show the top 10 only' })).toHaveAttribute('aria-expanded', 'true');
});

test.describe("in the browser's own zone", () => {
	test.use({ timezoneId: 'Asia/Tokyo' });

	test('every page shows its times in the one default zone and names it', async ({ page, request }) => {
		// A key of its own, so the keys page has times to show on a fresh store.
		expect((await request.post('/api/v1/keys', { headers: API, data: { name: 'zone check', scopes: ['read'] } })).status()).toBe(201);
		// The layout tells the server the browser's zone once (the ts_tz cookie); with no tenant chosen it is every page's default.
		await page.goto('/admin/keys');
		await expect.poll(async () => (await page.context().cookies()).find((c) => c.name === 'ts_tz')?.value).toBe('Asia%2FTokyo');
		await page.goto('/alerts');
		const alert = await page.locator('a[href^="/alerts/"]').first().getAttribute('href');
		const IN_ZONE = /\d\d:\d\d(:\d\d)? GMT\+9/;
		const IN_UTC = /\d\d:\d\d(:\d\d)?(\.\d+)? UTC/;
		for (const path of ['/admin/keys', '/admin/users', '/rules', '/alerts', alert!, '/reports/security', '/']) {
			await page.goto(path);
			const main = page.locator('main');
			await expect(main, path).toContainText(IN_ZONE);
			expect(await main.innerText(), path).not.toMatch(IN_UTC);
		}
	});
});
