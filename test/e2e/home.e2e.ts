import { expect, test } from '@playwright/test';
import { ADMIN, API, signIn } from './support';

test('the overview shows the demo store with the change against the previous period', async ({ page }) => {
	await signIn(page, ADMIN.email, ADMIN.password);
	await expect(page.getByRole('heading', { name: 'Overview', level: 1 })).toBeVisible();
	const events = page.getByRole('link', { name: /^Events: [\d,]+, open these events$/ });
	const label = (await events.getAttribute('aria-label')) ?? '';
	expect(Number(label.replace(/^Events: ([\d,]+).*$/, '$1').replace(/,/g, ''))).toBeGreaterThan(5_000);
	await expect(page.getByText(/vs previous period/).first()).toBeVisible();
	await expect(page.getByRole('heading', { name: 'Event volume by category' })).toBeVisible();
});

test('a period without events shows how to send them', async ({ page }) => {
	await signIn(page, ADMIN.email, ADMIN.password);
	await expect(page.getByRole('heading', { name: 'Overview', level: 1 })).toBeVisible();
	await page.goto('/?period=custom&from=2020-01-01T00:00&to=2020-01-02T00:00&tz=UTC');
	await expect(page.getByRole('heading', { name: 'No events in this period' })).toBeVisible();
	await expect(page.locator('pre')).toContainText('/api/v1/events');
});

test('events sent through the API can be read back filtered', async ({ request }) => {
	const sent = await request.post('/api/v1/events', { headers: API, data: { occurred_at: new Date().toISOString(), actor: { email: 'e2e@company.com' }, action: 'LOGIN', ip: '203.0.113.9' } });
	expect(sent.status()).toBe(202);
	const read = await request.get('/api/v1/events?actor=e2e@company.com&ip=203.0.113.0/24', { headers: API });
	const body = await read.json();
	expect(body.events).toHaveLength(1);
	expect(body.events[0]).toMatchObject({ action: 'LOGIN', category: 'authentication', ip: '203.0.113.9' });
});
