import { beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { render } from 'svelte/server';
import { createUserAccount } from '../../src/lib/server/auth/manage-users';
import { systemPrincipal } from '../../src/lib/server/auth/authority';
import type { User } from '../../src/lib/server/auth/users';
import { POST } from '../../src/routes/api/v1/events/+server';
import { load } from '../../src/routes/(app)/events/[id]/+page.server';
import EventDetails from '../../src/lib/components/EventDetails.svelte';
import { call, ready } from './helpers';

const by = systemPrincipal({ id: 'test-admin', email: 'root@corp.example', type: 'user' as const });
const meta = { ip: '198.51.100.9', userAgent: 'vitest' };
const HTML = '<img src=x onerror=alert(1)>';

const ids = { mine: randomUUID(), mineById: randomUUID(), theirs: randomUUID(), otherTenant: randomUUID(), html: randomUUID() };
const users = {} as Record<'analyst' | 'member' | 'outsider', User>;

type LoadEvent = Parameters<typeof load>[0];
/** Calls the page load as SvelteKit would for a signed-in user. */
async function open(id: string, user: User, back?: string) {
	const url = new URL(`http://localhost/events/${id}${back === undefined ? '' : `?back=${encodeURIComponent(back)}`}`);
	const event = { params: { id }, locals: { user, sessionToken: null }, url, parent: async () => ({ tenant: '' }) };
	return (await load(event as unknown as LoadEvent)) as Exclude<Awaited<ReturnType<typeof load>>, void>;
}
const statusOf = (p: Promise<unknown>) => p.then(() => 200, (e: { status?: number }) => e.status ?? 500);

beforeAll(async () => {
	await ready();
	const account = async (email: string, role: 'analyst' | 'member', tenants: string[]) =>
		(await createUserAccount({ email, name: email, role, tenants, password: 'correct horse battery staple' }, by, meta)).user;
	users.analyst = await account('ana@corp.example', 'analyst', ['acme']);
	users.member = await account('mo@corp.example', 'member', ['acme']);
	users.outsider = await account('olga@corp.example', 'analyst', ['globex']);
	const at = new Date(Date.now() - 60_000).toISOString();
	const ev = (id: string, over: Record<string, unknown>) => ({ id, tenant: 'acme', occurred_at: at, action: 'contact_updated', ...over });
	const r = await call(POST, '/api/v1/events', {
		body: [
			// The member's own events, by email (in other case) and by actor id.
			ev(ids.mine, { actor: { id: 'u-7', email: 'Mo@Corp.Example' } }),
			ev(ids.mineById, { actor: 'mo@corp.example' }),
			ev(ids.theirs, { actor: { id: 'u-8', email: 'john@company.com' } }),
			ev(ids.otherTenant, { tenant: 'globex', actor: { email: 'mo@corp.example' } }),
			ev(ids.html, {
				actor: { email: 'john@company.com', name: HTML },
				outcome: 'failure',
				reason: HTML,
				target: { type: 'contact', id: '1', name: HTML },
				details: { note: HTML },
				changes: { before: { name: 'Ann' }, after: { name: HTML } }
			})
		]
	});
	expect(r.status).toBe(202);
});

describe('the event page load', () => {
	it('shows an analyst any event of their tenants', async () => {
		for (const id of [ids.mine, ids.theirs, ids.html]) expect((await open(id, users.analyst)).event.id).toBe(id);
		expect(await statusOf(open(ids.otherTenant, users.analyst))).toBe(404);
	});

	it('shows a member their own events and answers 404, not 403, for anyone else’s', async () => {
		expect((await open(ids.mine, users.member)).event.actor?.email).toBe('Mo@Corp.Example');
		expect((await open(ids.mineById, users.member)).event.id).toBe(ids.mineById);
		expect(await statusOf(open(ids.theirs, users.member))).toBe(404);
		// Their own email on an event of a tenant they lack is still not theirs to see.
		expect(await statusOf(open(ids.otherTenant, users.member))).toBe(404);
	});

	it('answers 404 to a user without the tenant, and for an id that does not exist', async () => {
		expect(await statusOf(open(ids.mine, users.outsider))).toBe(404);
		expect((await open(ids.otherTenant, users.outsider)).event.tenant).toBe('globex');
		expect(await statusOf(open(randomUUID(), users.analyst))).toBe(404);
	});

	it('answers 400 for an id that is not a UUID', async () => {
		for (const id of ['nope', '1', `${ids.mine}x`, "' OR 1=1 --"]) expect(await statusOf(open(id, users.analyst))).toBe(400);
	});

	it('links back to the timeline with its query string, and only to the timeline', async () => {
		expect((await open(ids.mine, users.analyst)).back).toBe('/events');
		expect((await open(ids.mine, users.analyst, 'from=now-1h&action=login&q=a b')).back).toBe('/events?from=now-1h&action=login&q=a+b');
		expect((await open(ids.mine, users.analyst, '?outcome=failure')).back).toBe('/events?outcome=failure');
		expect((await open(ids.mine, users.analyst, 'https://evil.example/x')).back).toMatch(/^\/events\?https%3A%2F%2Fevil\.example%2Fx=$/);
	});

	it('passes a field holding HTML through as data, and the page renders it as text', async () => {
		const { event } = await open(ids.html, users.analyst);
		expect(event.reason).toBe(HTML);
		expect(event.target?.name).toBe(HTML);
		expect(event.details).toEqual({ note: HTML });
		expect(event.changes).toEqual({ before: { name: 'Ann' }, after: { name: HTML } });
		const { body } = render(EventDetails, { props: { event } });
		expect(body).not.toMatch(/<img/i);
		expect(body).toContain('&lt;img src=x onerror=alert(1)>');
	});
});
