import { beforeAll, describe, expect, it } from 'vitest';
import { POST } from '../../src/routes/api/v1/events/+server';
import { load } from '../../src/routes/(app)/events/+page.server';
import { listFilterSuggestions } from '../../src/lib/server/queries/events/list-filter-suggestions';
import { EventFilterSchema } from '../../src/lib/schemas/event-filter';
import type { User } from '../../src/lib/server/auth/users';
import { call, ready } from './helpers';

const tenant = `tp${Date.now().toString(36)}`;
const admin = { id: 'u-admin', email: 'admin@tp.example', name: 'Admin', role: 'admin', tenants: ['*'] } as unknown as User;

type LoadEvent = Parameters<typeof load>[0];
async function open(query: string) {
	const url = new URL(`http://localhost/events?tenant=${tenant}&${query}`);
	const event = { url, locals: { user: admin, sessionToken: null }, parent: async () => ({ tenant: '' }), cookies: { get: () => undefined } };
	return (await load(event as unknown as LoadEvent)) as Exclude<Awaited<ReturnType<typeof load>>, void>;
}

beforeAll(async () => {
	await ready();
	const at = (m: number) => new Date(Date.now() - m * 60e3).toISOString();
	const body = [
		...Array.from({ length: 3 }, (_, i) => ({ tenant, occurred_at: at(i + 1), action: 'login_failed', outcome: 'failure', source: 'portal', actor: { email: 'ana@tp.example' }, ip: '198.51.100.4' })),
		{ tenant, occurred_at: at(5), action: 'export', source: 'helpdesk', actor: { id: 'u-7' } }
	];
	expect((await call(POST, '/api/v1/events', { body })).status).toBe(202);
});

describe('the timeline page', () => {
	it('answers a mistyped IP or CIDR in place: no events, the field named with the reason, the other filters kept', async () => {
		for (const ip of ['10.0.0.0/33', '198.51.100']) {
			const d = await open(`from=now-1h&source=portal&ip=${encodeURIComponent(ip)}`);
			expect(d.filterError).toEqual({ param: 'ip', message: expect.stringContaining('is not an IP address or CIDR block') });
			expect(d.filter.ip).toBe(ip);
			expect(d.filter.source).toBe('portal');
			expect(d.page.events).toEqual([]);
		}
	});

	it('answers a bad zone or limit in place too', async () => {
		expect((await open('tz=Mars/Olympus')).filterError?.param).toBe('tz');
		expect((await open('limit=abc')).filterError?.param).toBe('limit');
	});

	it('suggests the actions, users and sources of the period, most frequent first', async () => {
		const d = await open('from=now-1h');
		expect(d.filterError).toBeNull();
		expect(d.suggestions).toEqual({ actions: ['login_failed', 'export'], actors: ['ana@tp.example', 'u-7'], sources: ['portal', 'helpdesk'] });
		const none = await listFilterSuggestions('*', EventFilterSchema.parse({ tenant, from: 'now-1h', to: 'now-30m' }), new Date());
		expect(none).toEqual({ actions: [], actors: [], sources: [] });
	});

	it('counts its suggestions over the newest events of the period only', async () => {
		const filter = EventFilterSchema.parse({ tenant, from: 'now-1h' });
		// The three failed sign-ins are newer than the export.
		expect(await listFilterSuggestions('*', filter, new Date(), { sample: 3 })).toEqual({ actions: ['login_failed'], actors: ['ana@tp.example'], sources: ['portal'] });
		expect((await listFilterSuggestions('*', filter, new Date(), { sample: 4 })).actions).toEqual(['login_failed', 'export']);
	});
});
