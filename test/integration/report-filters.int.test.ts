import { beforeAll, describe, expect, it } from 'vitest';
import { POST } from '../../src/routes/api/v1/events/+server';
import { GET as SECURITY } from '../../src/routes/api/v1/reports/security/+server';
import { GET as FAILED } from '../../src/routes/api/v1/reports/failed-logins/+server';
import { EventFilterSchema, filterParams } from '../../src/lib/schemas/event-filter';
import { countEvents } from '../../src/lib/server/queries/events/count-events';
import { getSecurityReport } from '../../src/lib/server/reports/security-report';
import { configurationChangesQuery } from '../../src/lib/server/reports/security-report';
import { call, ready } from './helpers';

const TENANT = 'filtered';
const FROM = new Date('2026-11-02T00:07:00Z');
const TO = new Date('2026-11-04T13:21:00Z');

/** Events over two days in two sources, from people whose id and email differ, inside and outside 10.0.0.0/8. */
function fixture() {
	const people = [
		{ id: 'u-7', email: 'Ann@Example.com' },
		{ id: 'u-8', email: 'ben@example.com' },
		{ id: 'svc-1' }
	];
	const ips = ['10.1.2.3', '10.200.0.9', '203.0.113.77', '2001:db8::5'];
	const sources = ['crm', 'billing'];
	const out: Record<string, unknown>[] = [];
	for (let i = 0; i < 96; i++) {
		const at = new Date(Date.UTC(2026, 10, 2, 0, 0) + i * 37 * 60e3).toISOString();
		// Each kind meets every person, address and source (not locked to the kind by the same modulus).
		const actor = people[Math.floor(i / 6) % 3];
		const base = { tenant: TENANT, occurred_at: at, actor, ip: ips[Math.floor(i / 2) % 4], source: sources[Math.floor(i / 12) % 2] };
		const kind = i % 6;
		if (kind === 0) out.push({ ...base, action: 'login_failed', outcome: 'failure' });
		if (kind === 1) out.push({ ...base, action: 'login' });
		if (kind === 2) out.push({ ...base, action: 'report.export', category: 'data_export', details: { records: 100 + i, bytes: 1000 * i } });
		if (kind === 3) out.push({ ...base, action: 'user.role_changed', category: 'user_management', target: { type: 'user', id: `t${i}` }, changes: { before: { role: 'agent' }, after: { role: i % 12 === 3 ? 'admin' : 'viewer' } } });
		if (kind === 4) out.push({ ...base, action: 'settings.updated', category: 'configuration', changes: { before: { timeout: i }, after: { timeout: i + 1 } } });
		if (kind === 5) out.push({ ...base, action: 'contact.deleted', category: 'data_change', target: { type: 'contact', id: `c${i}` } });
	}
	return out;
}

beforeAll(async () => {
	await ready();
	expect((await call(POST, '/api/v1/events', { body: fixture() })).status).toBe(202);
});

const now = new Date('2026-11-10T00:00:00Z');
/** What the timeline counts for a report link's query, as the timeline itself parses it. */
const timeline = (query: string) => countEvents('*', EventFilterSchema.parse(filterParams(new URLSearchParams(query))), now);
const report = (filter: Record<string, string>) => getSecurityReport({ scope: '*', tenant: TENANT, from: FROM, to: TO, timezone: 'Europe/Paris', filter });

const FILTERS: Record<string, string>[] = [
	{ ip: '10.0.0.0/8' },
	{ ip: '2001:db8::/32' },
	{ actor: 'u-7' },
	{ actor: 'ann@example.com' },
	{ source: 'crm' },
	{ ip: '10.0.0.0/8', source: 'billing' },
	{ actor: 'u-8', ip: '203.0.113.0/24', source: 'crm' }
];

describe('security report narrowed by the timeline filters', () => {
	it.each(FILTERS)('counts what the timeline counts for the same filter: %o', async (filter) => {
		const r = await report(filter);
		expect(r.filter).toEqual(filter);
		const pairs: [string, number, string][] = [
			['events', r.totals.events, r.totals.events_query],
			['failed sign-ins', r.totals.failed_sign_ins, `${r.totals.events_query}&category=authentication&outcome=failure`],
			['exports', r.exports.count, r.exports.events_query],
			['configuration changes', r.totals.configuration_changes, configurationChangesQuery({ scope: '*', tenant: TENANT, from: FROM, to: TO, timezone: 'Europe/Paris', filter })],
			...r.failed_logins_by_ip.map((x) => [`failures from ${x.ip}`, x.failures, x.events_query] as [string, number, string]),
			...r.exports.by_user.map((x) => [`exports by ${x.actor}`, x.exports, x.events_query] as [string, number, string]),
			...r.deletions.by_actor.filter((x) => x.exact).map((x) => [`deletions by ${x.actor}`, x.deletions, x.events_query] as [string, number, string])
		];
		expect(r.totals.events).toBeGreaterThan(0);
		for (const [what, figure, query] of pairs) expect({ what, n: await timeline(query) }).toEqual({ what, n: figure });
		// Every query of the report carries the filter, so a count followed opens the same events.
		for (const [key, value] of Object.entries(filter)) expect(new URLSearchParams(r.totals.events_query).get(key)).toBe(value);
	});

	it('narrows every section, and a filter matching everything gives the rollups figures', async () => {
		const all = await report({});
		const crm = await report({ source: 'crm' });
		const billing = await report({ source: 'billing' });
		expect(crm.totals.events + billing.totals.events).toBe(all.totals.events);
		expect(crm.totals.deletions + billing.totals.deletions).toBe(all.totals.deletions);
		expect(crm.privilege_changes.length + billing.privilege_changes.length).toBe(all.privilege_changes.length);
		expect(crm.configuration_changes.length).toBeLessThan(all.configuration_changes.length);
		const everyone = await report({ ip: '::/0' });
		expect(everyone.totals).toEqual({ ...all.totals, events_query: everyone.totals.events_query });
		expect(everyone.failed_logins_by_ip.map((x) => [x.ip, x.failures])).toEqual(all.failed_logins_by_ip.map((x) => [x.ip, x.failures]));
	});

	it('lists only the filtered user\u2019s rows, matched by id or email as on the timeline', async () => {
		const byId = await report({ actor: 'u-7' });
		const byEmail = await report({ actor: 'ANN@example.com' });
		expect(byId.totals.events).toBe(byEmail.totals.events);
		expect(byId.privilege_changes.every((x) => x.actor === 'ann@example.com')).toBe(true);
		expect(byId.privilege_changes.length).toBeGreaterThan(0);
	});
});

describe('report API filters', () => {
	const path = `tenant=${TENANT}&from=${FROM.toISOString()}&to=${TO.toISOString()}`;
	it('answers 400 naming the parameter for a bad address, block or value', async () => {
		for (const [q, param] of [
			['ip=10.0.0.0/33', 'ip'],
			['ip=not-an-ip', 'ip'],
			[`actor=${'x'.repeat(600)}`, 'actor'],
			[`source=${'s'.repeat(600)}`, 'source']
		]) {
			for (const route of [SECURITY, FAILED]) {
				const r = await call(route, `/api/v1/reports/x?${path}&${q}`);
				expect(r.status).toBe(400);
				expect(r.json.error.parameter).toBe(param);
			}
		}
	});

	it('narrows the JSON report and says which filter it applied', async () => {
		const r = await call(SECURITY, `/api/v1/reports/security?${path}&ip=10.0.0.0/8&source=crm`);
		expect(r.status).toBe(200);
		expect(r.json.filter).toEqual({ ip: '10.0.0.0/8', source: 'crm' });
		const failed = await call(FAILED, `/api/v1/reports/failed-logins?${path}&source=crm&actor=u-7`);
		expect(failed.status).toBe(200);
		expect(failed.json).toMatchObject({ source: 'crm', actor: 'u-7' });
		const total = failed.json.failed_logins_by_ip.reduce((n: number, x: { failures: number }) => n + x.failures, 0);
		expect(total).toBe(await timeline(`${path}&source=crm&actor=u-7&category=authentication&outcome=failure&f=ip:ne:::`));
		expect(total).toBeGreaterThan(0);
	});
});
