import { expect, test } from '@playwright/test';
import { ADMIN, API, signIn } from './support';

test('a burst delivered two days late: its alert names the person, says it came late, and opens exactly its events', async ({ page, request }) => {
	const ip = `198.51.100.${Math.floor(Math.random() * 200) + 20}`;
	const base = Date.now() - 2 * 86_400_000;
	const events = Array.from({ length: 24 }, (_, i) => ({
		tenant: 'e2e-late',
		occurred_at: new Date(base + i * 20_000).toISOString(),
		action: 'login_failed',
		outcome: 'failure',
		actor: { id: 'u-77', email: 'nina.holt@example.com', name: 'Nina Holt' },
		ip
	}));
	expect((await request.post('/api/v1/events', { headers: API, data: events })).status()).toBe(202);
	// A tick, as the scheduler runs each minute: it reads what arrived, however long ago it happened.
	expect((await request.post('/api/v1/rules/evaluate', { headers: API, data: {} })).status()).toBe(200);
	const list = await request.get('/api/v1/alerts?tenant=e2e-late&rule_id=account_brute_force&status=open,acknowledged,resolved', { headers: API });
	const alerts = (await list.json()).alerts as { id: string; incident_id: string; evidence_count: number; group_labels: Record<string, string> }[];
	expect(alerts).toHaveLength(1);
	expect(alerts[0]).toMatchObject({ evidence_count: 24, group_labels: { account: 'nina.holt@example.com' } });

	await signIn(page, ADMIN.email, ADMIN.password);
	await page.waitForURL((u) => !u.pathname.startsWith('/login'));
	await page.goto(`/alerts/${alerts[0].incident_id}`);
	await expect(page.getByRole('note')).toContainText('Happened 2 days before this alert was raised');
	await expect(page.getByRole('heading', { name: 'Evidence: 24 event(s)' })).toBeVisible();
	await expect(page.getByRole('row').filter({ hasText: 'nina.holt@example.com' }).first()).toBeVisible();

	await page.getByRole('link', { name: 'Open all 24 in the timeline' }).click();
	await page.waitForURL(/\/events\?/);
	const filters = page.getByRole('region', { name: 'Operator filters' });
	await expect(filters.getByText('kind equals failed sign-in')).toBeVisible();
	await expect(page.getByRole('row').filter({ hasText: ip })).toHaveCount(24);
});
