import { expect, test } from '@playwright/test';
import { ADMIN, API, signIn } from './support';

test('the overview shows what the store holds and how to send events', async ({ page }) => {
	await signIn(page, ADMIN.email, ADMIN.password);
	await expect(page.getByRole('heading', { name: 'Overview', level: 1 })).toBeVisible();
	const events = page.getByRole('definition').first();
	expect(Number((await events.textContent())?.replace(/\D/g, ''))).toBeGreaterThan(10_000);
	await expect(page.getByRole('heading', { name: 'Send an event' })).toBeVisible();
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
