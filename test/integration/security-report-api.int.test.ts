import { beforeAll, describe, expect, it } from 'vitest';
import { POST } from '../../src/routes/api/v1/events/+server';
import { GET as ROUTE } from '../../src/routes/api/v1/reports/security/+server';
import type { User } from '../../src/lib/server/auth/users';
import { call, keyWith, ready } from './helpers';
import { EVENTS, TENANT } from './report-fixtures';

const PATH = `/api/v1/reports/security?tenant=${TENANT}&from=2026-10-01T00:00:00%2B02:00&to=2026-11-01T00:00:00%2B01:00&tz=Europe/Paris`;
const person = (role: User['role'], tenants = ['*']): User =>
	({ id: `u-${role}`, email: `${role}@acme.example`, name: role, role, tenants, active: true, created_at: '', updated_at: '', version: 1 }) as unknown as User;

type Event = Parameters<typeof ROUTE>[0];
/** The route as `call` drives it: no one signed in unless a test says so. */
const GET = (e: Omit<Event, 'locals'> & { locals?: App.Locals }) => ROUTE({ locals: { user: null, sessionToken: null }, ...e } as Event);

/** Calls the endpoint as a signed-in person (no API key), the way the pages' fetches do. */
async function asPerson(path: string, user: User) {
	const url = new URL(path, 'http://localhost');
	const res = await GET({ request: new Request(url), url, locals: { user, sessionToken: 't' } } as unknown as Event);
	return { status: res.status, json: await res.json() };
}

beforeAll(async () => {
	await ready();
	expect((await call(POST, '/api/v1/events', { body: EVENTS })).status).toBe(202);
});

describe('GET /api/v1/reports/security', () => {
	it('answers a read key with the report of the period, in the zone asked for', async () => {
		const r = await call(GET, PATH, { key: await keyWith(['read']) });
		expect(r.status).toBe(200);
		expect(r.json.period).toEqual({ from: '2026-10-01T00:00:00.000+02:00', to: '2026-11-01T00:00:00.000+01:00', timezone: 'Europe/Paris' });
		expect(r.json.totals.events).toBe(41);
		expect(r.json.failed_logins_by_ip[0]).toMatchObject({ ip: '45.155.205.233', failures: 5, success_after: true });
		expect(Object.keys(r.json)).toEqual(expect.arrayContaining(['failed_logins_by_ip', 'exports', 'privilege_changes', 'configuration_changes', 'deletions', 'off_hours']));
	});

	it('takes a calendar month of the zone', async () => {
		const r = await call(GET, `/api/v1/reports/security?tenant=${TENANT}&month=2026-10&tz=Europe/Paris`);
		expect(r.json.period.from).toBe('2026-10-01T00:00:00.000+02:00');
		expect(r.json.totals.failed_sign_ins).toBe(10);
	});

	it('names the bad parameter in a 400', async () => {
		const bad = async (q: string) => (await call(GET, `/api/v1/reports/security?${q}`)).json.error;
		expect((await bad('tz=Mars/Olympus')).parameter).toBe('tz');
		expect((await bad('from=soon')).parameter).toBe('from');
		expect((await bad('from=now&to=now-1d')).parameter).toBe('from');
		expect((await bad('month=2026-13')).parameter).toBe('month');
		expect((await bad('month=2026-10&from=now-1d')).parameter).toBe('month');
		expect((await bad('from=now-400d')).parameter).toBe('from');
		expect(await bad('tenants=acme')).toMatchObject({ status: 400, parameter: 'tenants' });
	});

	it('keeps a bound key to its tenant and refuses keys without the read scope', async () => {
		const bound = await keyWith(['read'], 'other');
		expect((await call(GET, PATH, { key: bound })).status).toBe(403);
		const own = await call(GET, '/api/v1/reports/security?from=2026-10-01T00:00:00Z&to=2026-11-01T00:00:00Z', { key: bound });
		expect(own.json.totals).toMatchObject({ events: 2, exported_records: 99999 });
		expect((await call(GET, PATH, { key: await keyWith(['ingest']) })).status).toBe(403);
		expect((await call(GET, PATH, { key: null })).status).toBe(401);
	});

	it('serves people whose role reads reports, within their tenants, and not members', async () => {
		expect((await asPerson(PATH, person('analyst'))).json.totals.events).toBe(41);
		expect((await asPerson(PATH, person('auditor', ['other']))).status).toBe(403);
		expect((await asPerson(PATH, person('member'))).status).toBe(403);
	});
});
