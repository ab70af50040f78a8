import { beforeAll, describe, expect, it } from 'vitest';
import { getConfig } from '../../src/lib/server/config';
import { SESSION_COOKIE } from '../../src/lib/server/auth/cookies';
import { createSession, resumeSession } from '../../src/lib/server/auth/sessions';
import { handle } from '../../src/hooks.server';
import * as resolveAlert from '../../src/routes/api/v1/alerts/[id]/resolve/+server';
import * as evaluate from '../../src/routes/api/v1/rules/evaluate/+server';
import * as logout from '../../src/routes/logout/+server';
import { ADMIN_KEY, ready } from '../integration/helpers';
import { IP, person } from './helpers';

// Issue 11, finding 6: a page on another port of the same host made a signed-in analyst's browser
// POST /api/v1/alerts/{id}/resolve (a bodiless no-cors fetch), and it answered 200.
const OWN = 'http://localhost:5173';
const EVIL = 'http://localhost:8666';
let token = '';

type Route = (e: never) => Promise<Response>;

/** The request through the real hook, then the route, as SvelteKit runs them (a thrown redirect becomes its answer). */
async function through(route: Route, path: string, headers: Record<string, string>, params: Record<string, string> = {}) {
	const request = new Request(new URL(path, OWN), { method: 'POST', headers: { cookie: `${SESSION_COOKIE}=${token}`, ...headers } });
	const event = {
		request,
		url: new URL(request.url),
		params,
		locals: {},
		cookies: { get: (n: string) => (n === SESSION_COOKIE ? token : undefined), delete: () => {}, set: () => {} },
		getClientAddress: () => IP,
		setHeaders: () => {}
	};
	const resolve = async (e: never) => {
		try {
			return await route(e);
		} catch (x) {
			const r = x as { status?: number; location?: string };
			if (r.location) return new Response(null, { status: r.status, headers: { location: r.location } });
			throw x;
		}
	};
	return (handle as unknown as (i: { event: unknown; resolve: unknown }) => Promise<Response>)({ event, resolve });
}

beforeAll(async () => {
	await ready();
	const admin = await person('csrf-admin@example.com', 'admin', ['*']);
	token = await createSession(admin.id, { ip: IP, userAgent: 'vitest' }, getConfig().sessions, new Date());
});

describe('state-changing requests carried by the session cookie', () => {
	const forged: [string, Record<string, string>][] = [
		['another origin of the same site', { origin: EVIL, 'sec-fetch-site': 'same-site' }],
		['an opaque origin', { origin: 'null' }],
		['no Origin, Sec-Fetch-Site same-site', { 'sec-fetch-site': 'same-site' }],
		['neither header', {}]
	];

	it.each(forged)('are refused with 403 from %s', async (_n, headers) => {
		const alert = await through(resolveAlert.POST as Route, '/api/v1/alerts/a-1/resolve', headers, { id: 'a-1' });
		expect(alert.status).toBe(403);
		expect((await alert.json()).error.message).toMatch(/changes come only from http:\/\/localhost:5173/);
		expect((await through(evaluate.POST as Route, '/api/v1/rules/evaluate', headers)).status).toBe(403);
		expect((await through(logout.POST as Route, '/logout', headers)).status).toBe(403);
		expect(await resumeSession(token, getConfig().sessions, new Date())).toHaveProperty('userId');
	});

	it('go through from our own origin', async () => {
		const own = await through(resolveAlert.POST as Route, '/api/v1/alerts/a-1/resolve', { origin: OWN }, { id: 'a-1' });
		expect(own.status).toBe(404);
		const bySite = await through(resolveAlert.POST as Route, '/api/v1/alerts/a-1/resolve', { 'sec-fetch-site': 'same-origin' }, { id: 'a-1' });
		expect(bySite.status).toBe(404);
	});

	it('authenticated by an API key stay as they are, whatever their origin', async () => {
		const byKey = await through(resolveAlert.POST as Route, '/api/v1/alerts/a-1/resolve', { origin: EVIL, authorization: `Bearer ${ADMIN_KEY}` }, { id: 'a-1' });
		expect(byKey.status).toBe(404);
	});

	it('include signing out: a forged logout leaves the session alone, our own ends it', async () => {
		const out = await through(logout.POST as Route, '/logout', { origin: OWN });
		expect(out.status).toBe(303);
		expect(await resumeSession(token, getConfig().sessions, new Date())).toEqual({ reason: 'revoked' });
	});
});
