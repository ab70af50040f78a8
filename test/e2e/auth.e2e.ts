import { expect, test } from '@playwright/test';
import { ADMIN, API, auditTrail, ensureUser, signIn, navLink } from './support';

const ANALYST = { email: 'analyst@e2e.example', name: 'Ana Lyst', role: 'analyst', tenants: ['*'], password: 'analyst password 1' };
const MEMBER = { email: 'member@e2e.example', name: 'Mem Ber', role: 'member', tenants: ['default'], password: 'member password 1' };

test.beforeAll(async ({ request }) => {
	await ensureUser(request, ANALYST);
	await ensureUser(request, MEMBER);
});

test('an administrator signs in and out, and both are in the audit trail', async ({ page, request }) => {
	await signIn(page, ADMIN.email, ADMIN.password);
	await expect(page.getByRole('heading', { name: 'Overview' })).toBeVisible();
	await expect(navLink(page, 'Users')).toBeVisible();
	await page.getByRole('button', { name: 'Sign out' }).click();
	await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
	await page.goto('/events');
	await expect(page).toHaveURL(/\/login\?next=%2Fevents/);
	const trail = await auditTrail(request, 'action=login,logout&actor=admin@e2e.example');
	expect(trail.map((e) => e.action)).toEqual(expect.arrayContaining(['login', 'logout']));
	expect(trail[0].user_agent).toContain('Chrome');
	expect(trail[0].ip).toBe('127.0.0.1');
});

test('a wrong password gets one generic message and is recorded with its reason', async ({ page, request }) => {
	await signIn(page, ANALYST.email, 'not the password');
	await expect(page.getByRole('alert')).toHaveText('Incorrect email or password.');
	await signIn(page, 'nobody@e2e.example', 'not the password');
	await expect(page.getByRole('alert')).toHaveText('Incorrect email or password.');
	const failed = await auditTrail(request, 'action=login_failed');
	expect(failed.map((e) => [e.actor?.email, e.reason])).toEqual(
		expect.arrayContaining([
			['analyst@e2e.example', 'Invalid password'],
			['nobody@e2e.example', 'Unknown account']
		])
	);
});

test('five failures lock the account, and the lockout is recorded', async ({ page, request }) => {
	const victim = `victim-${Date.now()}@e2e.example`;
	for (let i = 0; i < 5; i++) {
		await signIn(page, victim, `wrong password ${i}`);
		await expect(page.getByRole('alert')).toHaveText('Incorrect email or password.');
	}
	await signIn(page, victim, 'wrong password 6');
	await expect(page.getByRole('alert')).toContainText('Too many failed sign-ins. Try again in 15 minutes.');
	// A plain form post (no JavaScript) sees the HTTP answer itself: 429 with Retry-After.
	const origin = new URL(page.url()).origin;
	const plain = await request.post('/login', { form: { email: victim, password: 'wrong password 7' }, headers: { origin, accept: 'text/html' }, maxRedirects: 0 });
	expect(plain.status()).toBe(429);
	expect(Number(plain.headers()['retry-after'])).toBeGreaterThan(14 * 60);
	const trail = await auditTrail(request, `actor=${victim}`);
	expect(trail.filter((e) => e.action === 'login_failed')).toHaveLength(5);
	expect(trail.map((e) => e.action)).toEqual(expect.arrayContaining(['account_locked', 'login_blocked']));
	expect(trail.filter((e) => e.action === 'login_blocked')).toHaveLength(2);
});

test("a member's timeline holds only their own actions", async ({ page, request }) => {
	const now = Date.now();
	const mine = { occurred_at: new Date(now - 60_000).toISOString(), actor: { email: MEMBER.email }, action: 'document_uploaded', target: { type: 'document', id: 'd-1' } };
	const theirs = { occurred_at: new Date(now - 30_000).toISOString(), actor: { email: 'someone.else@e2e.example' }, action: 'document_deleted', target: { type: 'document', id: 'd-2' } };
	expect((await request.post('/api/v1/events', { headers: API, data: [mine, theirs] })).status()).toBe(202);
	await signIn(page, MEMBER.email, MEMBER.password);
	await navLink(page, 'Events').click();
	await expect(page.getByText('You see the actions you did yourself.')).toBeVisible();
	const rows = page.getByRole('table').getByRole('row');
	await expect(rows.filter({ hasText: 'document_uploaded' })).toHaveCount(1);
	await expect(page.getByRole('table').getByText('document_deleted')).toHaveCount(0);
	for (const cell of await rows.locator('td:nth-child(2)').allTextContents()) expect(cell).toBe(MEMBER.email);
	await expect(navLink(page, 'Users')).toHaveCount(0);
});

test('an analyst is refused the user administration', async ({ page, request }) => {
	await signIn(page, ANALYST.email, ANALYST.password);
	await expect(page.getByRole('heading', { name: 'Overview' })).toBeVisible();
	await expect(navLink(page, 'Users')).toHaveCount(0);
	const answer = await page.goto('/admin/users');
	expect(answer?.status()).toBe(403);
	await expect(page.getByText(/administrators only|not allowed|forbidden/i)).toBeVisible();
	const logins = await auditTrail(request, `action=login&actor=${ANALYST.email}`);
	expect(logins.length).toBeGreaterThan(0);
});
