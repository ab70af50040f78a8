import { beforeAll, describe, expect, it } from 'vitest';
import * as login from '../../src/routes/login/+page.server';
import * as tenant from '../../src/routes/tenant/+server';
import { ready } from '../integration/helpers';
import { callAs, person } from './helpers';
import type { User } from '../../src/lib/server/auth/users';

// Issue 11, finding 7: /login?next=/%09/evil.example left the site (browsers drop the tab).
const HOSTILE = ['/%09/evil.example', '/%0a/evil.example', '/%0d%0a/evil.example', '/%5Cevil.example', '//evil.example', 'https://evil.example', '/%00/evil.example'];
let user: User;

beforeAll(async () => {
	await ready();
	user = await person('redirect@example.com', 'analyst', ['*']);
});

/** Where the browser is sent: the Location of the redirect the page throws. */
const location = async (handler: unknown, path: string, form?: Record<string, string>) => {
	const r = (await callAs(handler, user, path, form ? { form } : {})) as { status: number; json: { location?: string } };
	expect(r.status).toBe(303);
	return r.json.location!;
};

describe('redirects after sign-in and after choosing a tenant', () => {
	it.each(HOSTILE)('stay on the site for next=%s', async (next) => {
		const to = await location(login.load, `/login?next=${next}`);
		expect(to).toBe('/');
		expect(new URL(to, 'https://trailscope.example').origin).toBe('https://trailscope.example');
		expect(await location(tenant.POST, '/tenant', { tenant: '', back: decodeURIComponent(next) })).toBe('/');
	});

	it('keep a path of our own, with its query', async () => {
		expect(await location(login.load, `/login?next=${encodeURIComponent('/events?q=john silva&tenant=acme')}`)).toBe('/events?q=john%20silva&tenant=acme');
		expect(await location(tenant.POST, '/tenant', { tenant: '', back: '/alerts?status=open' })).toBe('/alerts?status=open');
	});
});
