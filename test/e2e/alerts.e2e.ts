import { expect, test } from '@playwright/test';
import { ADMIN, API, signIn, navLink } from './support';

test('from an alert to its exact events, then acknowledged, resolved and commented on, all kept in its history', async ({ page, request }) => {
	const ip = `203.0.113.${Math.floor(Math.random() * 200) + 20}`;
	const base = Date.now() - 10 * 60_000;
	const events = Array.from({ length: 12 }, (_, i) => ({ tenant: 'e2e-alerts', occurred_at: new Date(base + i * 15_000).toISOString(), action: 'login_failed', outcome: 'failure', actor: { id: `acct${i}`, email: `acct${i}@example.com` }, ip }));
	expect((await request.post('/api/v1/events', { headers: API, data: events })).status()).toBe(202);
	const run = await request.post('/api/v1/rules/evaluate', { headers: API, data: { since: 'now-30m' } });
	expect(run.status()).toBe(200);
	const list = await request.get(`/api/v1/alerts?tenant=e2e-alerts&rule_id=brute_force_ip`, { headers: API });
	const alerts = (await list.json()).alerts as { id: string; group: { ip: string }; event_ids: string[] }[];
	const alert = alerts.find((a) => a.group.ip === ip)!;
	expect(alert.event_ids).toHaveLength(12);

	await signIn(page, ADMIN.email, ADMIN.password);
	await navLink(page, 'Alerts').click();
	await page.getByLabel('Rule').selectOption('brute_force_ip');
	await page.getByRole('button', { name: 'Filter' }).click();
	await page.waitForURL(/rule_id=brute_force_ip/);
	await page.getByRole('row').filter({ hasText: ip }).getByRole('link', { name: 'Brute force by IP' }).click();
	await page.waitForURL(`**/alerts/${alert.id}`);
	await expect(page.getByRole('heading', { name: 'Evidence: 12 event(s)' })).toBeVisible();
	await page.screenshot({ path: '/tmp/alert-page.png', fullPage: true });

	await page.getByRole('link', { name: 'Open all 12 in the timeline' }).click();
	await page.waitForURL(/\/events\?/);
	await page.waitForLoadState('networkidle');
	await page.screenshot({ path: '/tmp/alert-events.png', fullPage: true });
	const shown = page.getByRole('row').filter({ hasText: ip });
	await expect(shown).toHaveCount(12);

	await page.goBack();
	await page.waitForURL(`**/alerts/${alert.id}`);
	await page.waitForLoadState('networkidle');
	await page.getByLabel('Comment (optional)').fill('Blocked at the firewall');
	await page.getByRole('button', { name: 'Acknowledge' }).click();
	await expect(page.getByText(`acknowledged by ${ADMIN.email}: “Blocked at the firewall”`)).toBeVisible();
	const after = await request.get(`/api/v1/alerts/${alert.id}`, { headers: API });
	expect((await after.json()).alert).toMatchObject({ status: 'acknowledged', status_by: ADMIN.email, status_comment: 'Blocked at the firewall' });

	// Resolving keeps the acknowledgement and its comment: both are in the history, with who.
	await page.getByLabel('Comment (optional)').fill('False alarm: a load test');
	await page.getByRole('button', { name: 'Resolve' }).click();
	await expect(page.getByText(`resolved by ${ADMIN.email}: “False alarm: a load test”`)).toBeVisible();
	const history = page.getByRole('region', { name: 'History' }).getByRole('listitem');
	await expect(history).toHaveCount(2);
	await expect(history.nth(0)).toContainText(`Acknowledged by ${ADMIN.email}`);
	await expect(history.nth(0)).toContainText('Blocked at the firewall');
	await expect(history.nth(1)).toContainText(`Resolved by ${ADMIN.email}`);
	await expect(history.nth(1)).toContainText('False alarm: a load test');
	// A comment alone changes no status and is kept too.
	await page.getByLabel('Comment (optional)').fill('Told the load-test team to warn us next time');
	await page.getByRole('button', { name: 'Add comment' }).click();
	await expect(history).toHaveCount(3);
	await expect(history.nth(2)).toContainText(`Commented by ${ADMIN.email}`);
	await expect(page.getByText(`resolved by ${ADMIN.email}: “False alarm: a load test”`)).toBeVisible();
	const api = await (await request.get(`/api/v1/alerts/${alert.id}`, { headers: API })).json();
	expect(api.history.map((h: { action: string; by: string; comment: string }) => [h.action, h.by, h.comment])).toEqual([
		['acknowledged', ADMIN.email, 'Blocked at the firewall'],
		['resolved', ADMIN.email, 'False alarm: a load test'],
		['commented', ADMIN.email, 'Told the load-test team to warn us next time']
	]);
	for (const width of [390, 1440]) {
		await page.setViewportSize({ width, height: 900 });
		await page.screenshot({ path: `/tmp/alert-history-${width}.png`, fullPage: true });
		await page.screenshot({ path: `/tmp/alert-history-top-${width}.png` });
	}
});

test('the alerts list says which of how many it shows and pages through all of them', async ({ page }) => {
	await signIn(page, ADMIN.email, ADMIN.password);
	await navLink(page, 'Alerts').click();
	await page.getByLabel('Status').selectOption('open,acknowledged,resolved');
	await page.getByLabel('Period').selectOption('now-365d');
	await page.getByRole('button', { name: 'Filter' }).click();
	await page.waitForURL(/since=now-365d/);
	const count = page.getByRole('status').filter({ hasText: / of / });
	await expect(count).toHaveText(/^1–\d+ of [\d,]+$/);
	const [, shown, total] = /^1–(\d+) of ([\d,]+)$/.exec((await count.textContent())!.trim())!;
	expect(Number(shown)).toBe(Math.min(50, Number(total.replace(/,/g, ''))));
	for (const width of [390, 1440]) {
		await page.setViewportSize({ width, height: 900 });
		await page.screenshot({ path: `/tmp/alerts-list-${width}.png`, fullPage: true });
		await page.screenshot({ path: `/tmp/alerts-list-top-${width}.png` });
	}
	if (Number(total.replace(/,/g, '')) > 50) {
		await page.getByRole('link', { name: 'Next →' }).click();
		await page.waitForURL(/page=2/);
		await expect(count).toHaveText(new RegExp(`^51–\\d+ of ${total}$`));
	}
	// The first alert's group value (an IP, an account...) finds it again.
	const groupCell = (await page.getByRole('row').nth(1).getByRole('cell').nth(2).textContent())!.trim();
	const value = groupCell.split(' · ')[0].split(' ').slice(1).join(' ');
	await page.getByLabel('IP, account or user').fill(value);
	await page.getByRole('button', { name: 'Filter' }).click();
	await page.waitForURL((u) => u.searchParams.get('group') === value);
	const rows = page.getByRole('row');
	await expect(rows.nth(1)).toContainText(value);
	for (const text of await rows.allTextContents()) if (!text.includes('Severity')) expect(text).toContain(value);
});

test('the rules page says what a saved edit means, and a backtest shows the values tested and the alerts it would raise', async ({ page, request }) => {
	const ip = `198.51.100.${Math.floor(Math.random() * 200) + 20}`;
	const base = Date.now() - 30 * 60_000;
	const events = Array.from({ length: 8 }, (_, i) => ({ tenant: 'e2e-rules', occurred_at: new Date(base + i * 20_000).toISOString(), action: 'login_failed', outcome: 'failure', actor: { id: `r${i}` }, ip }));
	expect((await request.post('/api/v1/events', { headers: API, data: events })).status()).toBe(202);

	await signIn(page, ADMIN.email, ADMIN.password);
	await navLink(page, 'Rules').click();
	const account = page.getByRole('region', { name: 'Account under attack' });
	await expect(account.getByText('At least 10 failed sign-ins for one account within 15 minutes.', { exact: true })).toBeVisible();
	await account.getByText('Edit or test this rule').click();
	await account.getByLabel('Threshold', { exact: true }).fill('20');
	await expect(account.getByText('With these values: “At least 20 failed sign-ins for one account within 15 minutes.”')).toBeVisible();
	const saved = page.waitForResponse((r) => r.url().includes('?/save') && r.request().method() === 'POST');
	await account.getByRole('button', { name: 'Save' }).click();
	await saved;
	await expect(account.getByText('At least 20 failed sign-ins for one account within 15 minutes.', { exact: true })).toBeVisible();
	await expect(account.getByText('With these values:')).toHaveCount(0);
	await expect(account.getByLabel('Threshold', { exact: true })).toHaveValue('20');

	const rule = page.getByRole('region', { name: 'Brute force by IP' });
	await expect(rule.getByText('Last run')).toBeVisible();
	await rule.getByText('Edit or test this rule').click();
	await rule.getByLabel('Threshold', { exact: true }).fill('6');
	await rule.getByLabel('in tenant').fill('e2e-rules');
	await rule.getByRole('button', { name: 'Test' }).click();
	const result = rule.getByRole('status').filter({ hasText: 'alert(s) in the last 7 days in e2e-rules' });
	await expect(result).toBeVisible();
	await expect(result).toContainText('Tested with threshold 6, window 15 minutes');
	await expect(result).toContainText('“At least 6 failed sign-ins from one IP within 15 minutes.”');
	const row = result.getByRole('row').filter({ hasText: ip });
	await expect(row).toContainText('8 / 6');
	// The form keeps the values tested; the saved rule is unchanged.
	await expect(rule.getByLabel('Threshold', { exact: true })).toHaveValue('6');
	await expect(rule.getByText('At least 10 failed sign-ins from one IP within 15 minutes.', { exact: true })).toBeVisible();
	for (const width of [390, 1440]) {
		await page.setViewportSize({ width, height: 900 });
		await page.screenshot({ path: `/tmp/rules-page-${width}.png`, fullPage: true });
		await rule.screenshot({ path: `/tmp/rules-card-${width}.png` });
	}
	await row.getByRole('link', { name: 'Open events' }).click();
	await page.waitForURL(/\/events\?tenant=e2e-rules/);
	await expect(page.getByRole('row').filter({ hasText: ip })).toHaveCount(8);

	// Put the edited rule back as it was, so the store is left as found.
	const put = await request.put('/api/v1/rules/account_brute_force', { headers: API, data: { threshold: 10 } });
	expect(put.status()).toBe(200);
	expect((await put.json()).rule.description).toBe('At least 10 failed sign-ins for one account within 15 minutes.');
});
