import { beforeAll, describe, expect, it } from 'vitest';
import { GET as LIST_ALERTS } from '../../src/routes/api/v1/alerts/+server';
import { insertAlerts } from '../../src/lib/server/queries/alerts/insert-alerts';
import type { Alert } from '../../src/lib/server/rules/decide';
import { call, keyWith, ready } from './helpers';

const TENANT = 'many-alerts';
const NOW = Date.now();
const HOUR = 3600e3;

/** 130 alerts, one an hour back from now: 100 brute force (IPs), 30 mass deletion (users by id, known by email); a third resolved, every fourth medium. */
function alerts(): Alert[] {
	return Array.from({ length: 130 }, (_, i) => {
		const at = new Date(NOW - (i + 1) * HOUR);
		const brute = i < 100;
		const values = brute ? [`198.51.100.${i}`] : [`u-${i}`];
		const labels = brute ? values : [`user${i}@example.com`];
		return {
			id: `al-list-${String(i).padStart(3, '0')}`, tenant: TENANT, ruleId: brute ? 'brute_force_ip' : 'mass_deletion', ruleName: brute ? 'Brute force by IP' : 'Mass deletion',
			severity: i % 4 === 0 ? 'medium' : 'high', status: i % 3 === 0 ? 'resolved' : 'open', groupFields: [brute ? 'ip' : 'actor'], groupValues: values, groupKey: JSON.stringify(values),
			count: 10 + i, threshold: 10, windowStart: new Date(at.getTime() - 15 * 60e3), windowEnd: at, firstSeen: at, lastSeen: at, eventIds: [], evidenceCount: 10 + i, groupLabels: labels, incidentId: `al-list-${String(i).padStart(3, '0')}`, evidenceQuery: '', createdAt: at, updatedAt: at,
			statusBy: '', statusComment: '', statusAt: null, version: 1
		};
	});
}

const list = async (query: string) => {
	const r = await call(LIST_ALERTS, `/api/v1/alerts?tenant=${TENANT}&status=open,acknowledged,resolved&${query}`);
	expect(r.status, JSON.stringify(r.json)).toBe(200);
	return r.json as { alerts: { id: string; rule_id: string; severity: string; status: string; group: Record<string, string> }[]; total: number; page: number; next_page: number | null };
};

beforeAll(async () => {
	await ready();
	await insertAlerts(alerts());
});

describe('the alert list', () => {
	it('pages through every alert, newest first, with the total; no page repeats or drops one', async () => {
		const first = await list('limit=50');
		expect(first).toMatchObject({ total: 130, page: 1, next_page: 2 });
		expect(first.alerts).toHaveLength(50);
		const second = await list('limit=50&page=2');
		const third = await list('limit=50&page=3');
		expect(third).toMatchObject({ total: 130, page: 3, next_page: null });
		expect(third.alerts).toHaveLength(30);
		const ids = [...first.alerts, ...second.alerts, ...third.alerts].map((a) => a.id);
		expect(ids).toEqual(alerts().map((a) => a.id));
		expect((await list('page=9')).alerts).toEqual([]);
	});

	it('no longer stops at 100 by default: the rest is on the next page', async () => {
		const r = await list('');
		expect(r.alerts).toHaveLength(100);
		expect(r).toMatchObject({ total: 130, next_page: 2 });
		expect((await list('page=2')).alerts).toHaveLength(30);
	});

	it('filters by rule, severity, status, IP or user, and time, each total counting the filter', async () => {
		expect((await list('rule_id=mass_deletion')).total).toBe(30);
		const medium = await list('severity=medium&limit=1000');
		expect(medium.total).toBe(33);
		expect(medium.alerts.every((a) => a.severity === 'medium')).toBe(true);
		expect((await list('severity=medium&rule_id=brute_force_ip')).total).toBe(25);
		const resolved = await list('limit=1000').then((r) => r.alerts.filter((a) => a.status === 'resolved').length);
		expect((await call(LIST_ALERTS, `/api/v1/alerts?tenant=${TENANT}&status=resolved`)).json.total).toBe(resolved);
		expect((await list('group=198.51.100.7')).alerts.map((a) => a.group)).toEqual(expect.arrayContaining([{ ip: '198.51.100.7' }, { ip: '198.51.100.70' }]));
		expect((await list('group=198.51.100.7')).total).toBe(11);
		// A user grouped by id is found by id or by email.
		expect((await list('group=USER120@example.com')).alerts.map((a) => a.id)).toEqual(['al-list-120']);
		expect((await list('group=u-120')).alerts.map((a) => a.id)).toEqual(['al-list-120']);
		// Active in the 10.5 hours before now: the alerts of hours 1 to 10.
		expect((await list('since=now-630m')).total).toBe(10);
		expect((await list(`from=${new Date(NOW - 20.5 * HOUR).toISOString()}&to=${new Date(NOW - 10.5 * HOUR).toISOString()}`)).alerts.map((a) => a.id)).toEqual(
			Array.from({ length: 10 }, (_, k) => `al-list-${String(k + 10).padStart(3, '0')}`)
		);
	});

	it('refuses a bad page and keeps to the tenants of the key', async () => {
		expect((await call(LIST_ALERTS, `/api/v1/alerts?tenant=${TENANT}&page=0`)).status).toBe(400);
		const other = await keyWith(['read'], 'elsewhere');
		expect((await call(LIST_ALERTS, '/api/v1/alerts', { key: other })).json).toMatchObject({ alerts: [], total: 0 });
	});
});
