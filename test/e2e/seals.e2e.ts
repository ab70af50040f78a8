import { expect, test } from '@playwright/test';
import { ADMIN, API, signIn } from './support';

// A tenant of its own, with events in an hour that is over (past the settle time), so one seal run seals it.
const TENANT = `seal${Date.now().toString(36)}`;
const hourStart = Math.floor(Date.now() / 3600e3) * 3600e3 - 2 * 3600e3;
const EVENTS = Array.from({ length: 10 }, (_, i) => ({
	tenant: TENANT,
	occurred_at: new Date(hourStart + i * 5 * 60e3).toISOString(),
	actor: { id: `u-${i}`, email: `user${i}@seal.example` },
	action: 'contact_updated',
	target: { type: 'contact', id: String(2000 + i) }
}));

test.beforeAll(async ({ request }) => {
	// What was just accepted is sealed once the rules' settle time (120 s here) has passed.
	test.setTimeout(240_000);
	const r = await request.post('/api/v1/events', { headers: API, data: EVENTS });
	expect(r.status()).toBe(202);
	await expect
		.poll(async () => {
			const run = await request.post('/api/v1/seals/run', { headers: API });
			expect(run.status()).toBe(200);
			const seals = await request.get(`/api/v1/seals?tenant=${TENANT}&from=${new Date(hourStart).toISOString()}&to=${new Date(hourStart + 3600e3).toISOString()}`, { headers: API });
			return ((await seals.json()).seals as { events: number }[]).reduce((n, s) => n + s.events, 0);
		}, { timeout: 200_000, intervals: [5_000] })
		.toBe(10);
});

test('the event drawer says the event is sealed in its hour and verified', async ({ page }) => {
	await signIn(page, ADMIN.email, ADMIN.password);
	await page.waitForURL((u) => !u.pathname.startsWith('/login'));
	await page.goto(`/events?tenant=${TENANT}&from=now-6h&limit=50`);
	await page.getByRole('link', { name: /^Open event contact_updated/ }).first().click();
	const drawer = page.getByRole('dialog');
	const hour = new Date(hourStart).toISOString().replace('T', ' ').slice(0, 16);
	await expect(drawer.getByTestId('seal-status')).toHaveText(new RegExp(`^Sealed in ${hour}–\\d\\d:00 UTC, verified\\.$`));
});
