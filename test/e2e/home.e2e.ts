import { expect, test } from '@playwright/test';

test('the home page shows what the store holds and how to send events', async ({ page }) => {
	await page.goto('/');
	await expect(page.getByRole('heading', { name: 'Trailscope', level: 1 })).toBeVisible();
	const stored = page.getByRole('definition').first();
	await expect(stored).not.toHaveText('0');
	expect(Number((await stored.textContent())?.replace(/\D/g, ''))).toBeGreaterThan(10_000);
	await expect(page.getByRole('heading', { name: 'Send an event' })).toBeVisible();
	await expect(page.locator('pre')).toContainText('/api/v1/events');
});

test('events sent through the API can be read back filtered', async ({ request }) => {
	const headers = { authorization: 'Bearer e2e-key-with-every-scope' };
	const sent = await request.post('/api/v1/events', { headers, data: { occurred_at: new Date().toISOString(), actor: { email: 'e2e@company.com' }, action: 'LOGIN', ip: '203.0.113.9' } });
	expect(sent.status()).toBe(202);
	const read = await request.get('/api/v1/events?actor=e2e@company.com&ip=203.0.113.0/24', { headers });
	const body = await read.json();
	expect(body.events).toHaveLength(1);
	expect(body.events[0]).toMatchObject({ action: 'LOGIN', category: 'authentication', ip: '203.0.113.9' });
});
