import { expect, test, type Page } from '@playwright/test';
import { ADMIN, API, ensureUser, signIn, navLink } from './support';

// A tenant of its own with known events of the last hours, so every figure has an exact answer.
const TENANT = `rp${Date.now().toString(36)}`;
const ago = (min: number) => new Date(Date.now() - min * 60e3).toISOString();
const ev = (min: number, action: string, who: string, more: Record<string, unknown> = {}) => ({ tenant: TENANT, occurred_at: ago(min), action, actor: { email: who }, ...more });
const ATTACKER = '203.0.113.77';
const EVENTS = [
	...Array.from({ length: 5 }, (_, i) => ev(120 - i, 'login_failed', `user${i % 2}@rp.example`, { outcome: 'failure', ip: ATTACKER })),
	ev(100, 'login_failed', 'anna@rp.example', { outcome: 'failure', ip: '198.51.100.99' }),
	ev(90, 'login', 'user1@rp.example', { ip: ATTACKER }),
	ev(80, 'report.export', 'exp@rp.example', { category: 'data_export', details: { records: 100 } }),
	ev(70, 'report.export', 'exp@rp.example', { category: 'data_export', details: { records: 250 } }),
	ev(60, 'user.role_changed', 'boss@rp.example', { category: 'user_management', target: { type: 'user', id: 'u9' }, changes: { before: { role: 'agent' }, after: { role: 'admin' } } }),
	...Array.from({ length: 3 }, (_, i) => ev(50 - i, 'file.deleted', 'del@rp.example', { category: 'data_change', target: { type: 'file', id: `f${i}` } }))
];
const MEMBER = { email: 'member@rp.example', name: 'Mia Member', role: 'member', tenants: ['*'], password: 'member password 123' };

/** The number on a figure link ("Failed sign-ins: 6, open these events"). */
async function figure(page: Page, label: string) {
	const text = (await page.getByRole('link', { name: new RegExp(`^${label}: [\\d,]+, open these events$`) }).getAttribute('aria-label')) ?? '';
	return Number(text.replace(/^.*: ([\d,]+),.*$/, '$1').replace(/,/g, ''));
}
/** Follows a link and returns how many events the timeline then shows. */
async function follow(page: Page, click: () => Promise<void>) {
	await click();
	await page.waitForURL(/\/events\?/);
	await page.waitForLoadState('networkidle');
	return page.getByRole('table').locator('tbody tr').count();
}

test.beforeAll(async ({ request }) => {
	expect((await request.post('/api/v1/events', { headers: API, data: EVENTS })).status()).toBe(202);
	await ensureUser(request, MEMBER);
});

test.beforeEach(async ({ page }) => {
	await signIn(page, ADMIN.email, ADMIN.password);
	await expect(page.getByRole('heading', { name: 'Overview' })).toBeVisible();
	await page.waitForLoadState('networkidle');
	// The header's tenant switch posts and comes back to the page; wait for the page it lands on.
	const back = page.waitForResponse((r) => new URL(r.url()).pathname === '/' && r.request().method() === 'GET');
	await page.getByLabel('Tenant', { exact: true }).selectOption(TENANT);
	await back;
	await page.waitForLoadState('networkidle');
	await expect(page.getByText(`Tenant ${TENANT}`)).toBeVisible();
});

test('the overview counts the tenant, changes period, and opens the events behind a figure', async ({ page }) => {
	expect(await figure(page, 'Failed sign-ins')).toBe(6);
	expect(await figure(page, 'Exports')).toBe(2);
	expect(await figure(page, 'Privilege changes')).toBe(1);
	await page.screenshot({ path: '/tmp/trailscope-overview.png', fullPage: true });
	await page.getByLabel('Period', { exact: true }).selectOption('24h');
	await page.getByRole('button', { name: 'Apply' }).click();
	await page.waitForURL(/period=24h/);
	expect(await figure(page, 'Failed sign-ins')).toBe(6);
	const shown = await follow(page, () => page.getByRole('link', { name: /^Failed sign-ins: 6/ }).click());
	expect(shown).toBe(6);
	await expect(page.getByRole('table').locator('tbody tr').filter({ hasText: 'login_failed' })).toHaveCount(6);
});

test('the top failing address opens exactly its failures', async ({ page }) => {
	const panel = page.getByRole('region', { name: 'Top failing IP addresses' });
	const row = panel.getByRole('row').filter({ hasText: ATTACKER });
	await expect(row).toContainText('then signed in');
	const shown = await follow(page, () => row.getByRole('link', { name: '5', exact: true }).click());
	expect(shown).toBe(5);
	await expect(page.getByRole('table').locator('tbody tr').filter({ hasText: ATTACKER })).toHaveCount(5);
});

test('the security report lists every section, changes period, and drills down', async ({ page }) => {
	await navLink(page, 'Reports').click();
	await expect(page.getByRole('heading', { name: 'Security report', level: 1 })).toBeVisible();
	await page.waitForLoadState('networkidle');
	for (const name of ['Failed logins', 'Data exports', 'Privilege and access changes', 'Configuration changes', 'Deletions', 'Off-hours activity'])
		await expect(page.getByRole('heading', { name, level: 2 })).toBeVisible();
	const privilege = page.getByRole('region', { name: 'Privilege and access changes' });
	await expect(privilege.getByRole('row').filter({ hasText: 'boss@rp.example' })).toContainText('role: agent');
	await expect(privilege.getByRole('row').filter({ hasText: 'boss@rp.example' })).toContainText('role: admin');
	await page.screenshot({ path: '/tmp/trailscope-report.png', fullPage: true });

	await page.getByLabel('Period', { exact: true }).selectOption('month');
	const month = new Date().toISOString().slice(0, 7);
	await page.getByLabel('Month', { exact: true }).fill(month);
	await page.getByLabel('Time zone', { exact: true }).fill('Europe/Paris');
	await page.getByRole('button', { name: 'Apply' }).click();
	await page.waitForURL(/period=month/);
	await expect(page.getByText('times in Europe/Paris')).toBeVisible();

	const deletions = page.getByRole('region', { name: 'Deletions' });
	const byUser = deletions.getByRole('row').filter({ hasText: 'del@rp.example' });
	await expect(byUser).toContainText('3');
	expect(await follow(page, () => byUser.getByRole('link', { name: 'del@rp.example' }).click())).toBe(3);
	await page.goBack();
	const exportsRow = page.getByRole('region', { name: 'Data exports' }).getByRole('row').filter({ hasText: 'exp@rp.example' }).first();
	await expect(exportsRow).toContainText('350');
	expect(await follow(page, () => exportsRow.getByRole('link', { name: 'exp@rp.example' }).click())).toBe(2);
});

test('the security report takes the timeline filters, says so, refuses a bad one in place, and its counts open the same events', async ({ page }) => {
	await page.goto('/reports/security?period=24h&ip=203.0.113.0/33&actor=exp@rp.example');
	const ip = page.getByLabel('IP or CIDR');
	await expect(ip).toHaveAttribute('aria-invalid', 'true');
	await expect(ip).toHaveValue('203.0.113.0/33');
	await expect(ip).toHaveAccessibleDescription(/is not an IP address or CIDR block/);
	// The rest of the page stays, narrowed by the filter that was good.
	await expect(page.getByRole('heading', { name: 'Failed logins', level: 2 })).toBeVisible();
	await expect(page.getByRole('status').filter({ hasText: 'Filtered by' })).toContainText('user exp@rp.example');
	expect(await figure(page, 'Exports')).toBe(2);
	expect(await figure(page, 'Failed sign-ins')).toBe(0);

	await ip.fill('203.0.113.0/24');
	await page.getByLabel('User', { exact: true }).fill('');
	await page.getByRole('button', { name: 'Apply' }).click();
	await page.waitForURL((u) => u.searchParams.get('ip') === '203.0.113.0/24');
	const line = page.getByRole('status').filter({ hasText: 'Filtered by' });
	await expect(line).toContainText('ip 203.0.113.0/24');
	await expect(page.getByLabel('IP or CIDR')).not.toHaveAttribute('aria-invalid', 'true');
	// anna's failure came from another address: only the attacker's five are counted.
	expect(await figure(page, 'Failed sign-ins')).toBe(5);
	expect(await figure(page, 'Exports')).toBe(0);
	expect(await follow(page, () => page.getByRole('link', { name: /^Failed sign-ins: 5/ }).click())).toBe(5);
	expect(new URL(page.url()).searchParams.get('ip')).toBe('203.0.113.0/24');
	await page.goBack();
	await page.getByRole('status').filter({ hasText: 'Filtered by' }).getByRole('link', { name: 'clear filters' }).click();
	await page.waitForURL((u) => !u.searchParams.has('ip'));
	await expect(page.getByText('Filtered by')).toHaveCount(0);
	expect(await figure(page, 'Failed sign-ins')).toBe(6);
});

test('members have no reports and see only their own activity', async ({ page, context }) => {
	await context.clearCookies();
	await signIn(page, MEMBER.email, MEMBER.password);
	await expect(page.getByRole('heading', { name: 'Overview' })).toBeVisible();
	await page.waitForLoadState('networkidle');
	await expect(page.getByText('Your own actions in this period')).toBeVisible();
	await expect(navLink(page, 'Reports')).toHaveCount(0);
	await expect(page.getByRole('heading', { name: 'Top failing IP addresses' })).toHaveCount(0);
	const r = await page.goto('/reports/security');
	expect(r?.status()).toBe(403);
});

test('an administrator sets the business hours; bad values are named', async ({ page }) => {
	await page.goto(`/admin/settings?tenant=${TENANT}`);
	await page.waitForLoadState('networkidle');
	await page.getByLabel('Time zone', { exact: true }).fill('Mars/Olympus');
	await page.getByRole('button', { name: 'Save settings' }).click();
	await expect(page.getByText(/Time zone must be an IANA time zone/)).toBeVisible();
	await page.getByLabel('Time zone', { exact: true }).fill('Europe/Paris');
	await page.getByLabel('Saturday').check();
	await page.getByLabel('End', { exact: true }).fill('18:30');
	await page.getByLabel('Report recipients').fill('ciso@rp.example');
	await page.getByRole('button', { name: 'Save settings' }).click();
	await expect(page.getByRole('status')).toHaveText(`Saved the settings of ${TENANT}.`);
	await page.reload();
	await expect(page.getByLabel('End', { exact: true })).toHaveValue('18:30');
	await expect(page.getByLabel('Saturday')).toBeChecked();
	await page.screenshot({ path: '/tmp/trailscope-settings.png', fullPage: true });
});
