import { expect, type APIRequestContext, type Page } from '@playwright/test';

export const ADMIN = { email: 'admin@e2e.example', password: 'e2e admin password' };
export const API = { authorization: 'Bearer e2e-key-with-every-scope' };

export async function signIn(page: Page, email: string, password: string) {
	await page.goto('/login');
	// As a person would: the form is usable once the page has settled.
	await page.waitForLoadState('networkidle');
	await page.getByLabel('Email').fill(email);
	await page.getByLabel('Password').fill(password);
	await page.getByRole('button', { name: 'Sign in' }).click();
}

/** Creates a user through the admin API (idempotent across retries of a test). */
export async function ensureUser(request: APIRequestContext, user: { email: string; name: string; role: string; tenants: string[]; password: string }) {
	const r = await request.post('/api/v1/users', { headers: API, data: user });
	expect([201, 409]).toContain(r.status());
}

/** Events of Trailscope's own audit trail, through the API. */
export async function auditTrail(request: APIRequestContext, query: string) {
	const r = await request.get(`/api/v1/events?tenant=trailscope&from=now-1h&limit=1000&${query}`, { headers: API });
	expect(r.status()).toBe(200);
	return (await r.json()).events as { action: string; outcome: string; reason: string | null; actor: { email: string | null } | null; ip: string | null; user_agent: string | null }[];
}

/** A link of the main navigation by its exact name (pages hold other links with the same words). */
export const navLink = (page: Page, name: string) => page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name, exact: true });
