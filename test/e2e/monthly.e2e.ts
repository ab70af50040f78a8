import { expect, test } from '@playwright/test';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { simpleParser } from 'mailparser';
import { ADMIN, API, signIn, navLink } from './support';

// The demo tenant works in Europe/Paris and holds the last 30 days: last month there has events.
const parisMonth = (by: number) => {
	const [y, m] = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris', year: 'numeric', month: '2-digit' }).format(new Date()).split('-').map(Number);
	const i = y * 12 + m - 1 + by;
	return `${Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`;
};
const MONTH = parisMonth(-1);
const LABEL = new Date(`${MONTH}-15T12:00:00Z`).toLocaleString('en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' });
const RECIPIENT = 'e2e-auditor@example.com';

test.beforeEach(async ({ page }) => {
	await signIn(page, ADMIN.email, ADMIN.password);
	await expect(page.getByRole('heading', { name: 'Overview' })).toBeVisible();
});

test('an administrator opens the past reports and a month, and sends it to the tenant recipients', async ({ page, request }) => {
	test.setTimeout(90_000);
	// The tenant's own report recipients are set on the settings page (the reports helper's).
	await page.goto('/admin/settings?tenant=default');
	await page.waitForLoadState('networkidle');
	await page.getByLabel('Report recipients').fill(RECIPIENT);
	await page.getByRole('button', { name: 'Save settings' }).click();
	await expect(page.getByRole('status')).toContainText(/Saved the settings of default|Nothing changed/);

	await page.goto('/');
	await navLink(page, 'Monthly reports').click();
	await expect(page.getByRole('heading', { name: 'Monthly compliance reports' })).toBeVisible();
	await page.screenshot({ path: '/tmp/monthly-list.png', fullPage: true });
	await page.getByRole('combobox', { name: 'Month' }).selectOption(MONTH);
	await page.getByRole('combobox', { name: 'Tenant', exact: true }).last().selectOption('default');
	await page.getByRole('button', { name: 'Preview' }).click();
	await page.waitForURL(`**/reports/monthly/${MONTH}?tenant=default`);
	await page.waitForLoadState('networkidle');

	await expect(page.getByRole('heading', { name: `${LABEL} · default` })).toBeVisible();
	const summary = page.getByRole('table', { name: 'Summary' });
	await expect(summary.getByRole('link', { name: 'Events recorded' })).toBeVisible();
	await expect(page.getByRole('heading', { name: 'Failed sign-ins by IP (top 10)' })).toBeVisible();
	await expect(page.getByRole('table', { name: 'Failed sign-ins by IP (top 10)' }).locator('tbody tr').first()).toBeVisible();
	for (const alt of [`Events per day in ${LABEL}`, `Failed sign-ins per day in ${LABEL}`]) {
		const width = await page.getByRole('img', { name: alt }).evaluate((img: HTMLImageElement) => img.naturalWidth);
		expect(width).toBeGreaterThan(600);
	}

	// The scheduler may have sent it already at a quarter-hour check: then the button sends again.
	const button = page.getByRole('button', { name: /Send now|Send again/ });
	await button.click();
	// Building a month of the demo (some 45k events), drawing the charts and mailing takes a few seconds.
	await expect(page.getByRole('status').or(page.getByRole('alert'))).toContainText(`The report was sent to ${RECIPIENT}`, { timeout: 30_000 });
	await expect(page.getByRole('table').first().getByText('sent', { exact: true }).first()).toBeVisible();
	await page.screenshot({ path: '/tmp/monthly-page.png', fullPage: true });
	await page.screenshot({ path: '/tmp/monthly-page-top.png', fullPage: true, clip: { x: 0, y: 0, width: 1280, height: 1500 } });
	await page.screenshot({ path: '/tmp/monthly-page-mid.png', fullPage: true, clip: { x: 0, y: 1500, width: 1280, height: 1500 } });

	const api = await request.post(`/api/v1/reports/monthly/${MONTH}/send?tenant=default`, { headers: API });
	expect(api.status()).toBe(200);
	expect(await api.json()).toMatchObject({ status: 'already_sent', sent: false, month: MONTH, tenant: 'default' });
	const bad = await request.post(`/api/v1/reports/monthly/${MONTH.slice(0, 4)}-13/send?tenant=default`, { headers: API });
	expect(bad.status()).toBe(400);

	// Without SMTP_URL the email is in the outbox: open its HTML in the browser, as a mail client would.
	const outbox = join(process.env.E2E_DATA_DIR!, 'outbox');
	const files = readdirSync(outbox).filter((f) => f.endsWith('.eml')).sort();
	const mails = await Promise.all(files.map(async (f) => simpleParser(readFileSync(join(outbox, f)))));
	const mail = mails.reverse().find((m) => m.subject === `Compliance report ${LABEL}: default`);
	expect(mail).toBeTruthy();
	expect(mail!.attachments.map((a) => a.filename)).toEqual(expect.arrayContaining(['events-per-day.png', `privilege-changes-default-${MONTH}.csv`]));
	await page.setViewportSize({ width: 390, height: 800 });
	await page.setContent(String(mail!.html));
	await expect(page.getByRole('heading', { name: `${LABEL} · default` })).toBeVisible();
	await page.screenshot({ path: '/tmp/monthly-email-phone.png', fullPage: true });
	await page.screenshot({ path: '/tmp/monthly-email-phone-top.png', fullPage: true, clip: { x: 0, y: 0, width: 390, height: 1600 } });
});

test('a member cannot see reports', async ({ page, request }) => {
	const member = { email: 'member-monthly@e2e.example', name: 'Mo Member', role: 'member', tenants: ['default'], password: 'member password 123' };
	const r = await request.post('/api/v1/users', { headers: API, data: member });
	expect([201, 409]).toContain(r.status());
	await page.goto('/logout');
	await page.context().clearCookies();
	await signIn(page, member.email, member.password);
	await page.waitForURL((u) => !u.pathname.startsWith('/login'));
	const res = await page.goto(`/reports/monthly/${MONTH}?tenant=default`);
	expect(res?.status()).toBe(403);
});
