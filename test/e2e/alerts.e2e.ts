import { expect, test } from '@playwright/test';
import { ADMIN, API, signIn, navLink } from './support';

test('from an alert to its exact events, then acknowledged with a comment', async ({ page, request }) => {
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

	await page.getByRole('link', { name: 'Open these events in the timeline' }).click();
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
});

test('the rules page shows run figures and tests edited values without raising anything', async ({ page }) => {
	await signIn(page, ADMIN.email, ADMIN.password);
	await navLink(page, 'Rules').click();
	const rule = page.getByRole('region', { name: 'Brute force by IP' });
	await expect(rule.getByText('Last run')).toBeVisible();
	await rule.getByText('Edit or test this rule').click();
	await rule.getByLabel('Threshold', { exact: true }).fill('5');
	await rule.getByRole('button', { name: 'Test' }).click();
	await expect(rule.getByRole('status').filter({ hasText: 'alert(s) in the last 7 days' })).toBeVisible();
	await page.screenshot({ path: '/tmp/rules-page.png', fullPage: true });
});
