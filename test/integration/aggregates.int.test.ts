import { beforeAll, describe, expect, it } from 'vitest';
import { POST } from '../../src/routes/api/v1/events/+server';
import { GET as HISTOGRAM } from '../../src/routes/api/v1/events/histogram/+server';
import { GET as FAILED } from '../../src/routes/api/v1/reports/failed-logins/+server';
import { call, keyWith, ready } from './helpers';

const tenant = 'agg';
// A fixed day two days back, so hour buckets are known exactly.
const day = new Date(Date.now() - 2 * 86400e3);
day.setUTCHours(0, 0, 0, 0);
const at = (h: number, m = 0) => new Date(day.getTime() + h * 3600e3 + m * 60e3).toISOString();
const fail = (ip: string, who: string, h: number, m: number) => ({ tenant, occurred_at: at(h, m), action: 'login_failed', outcome: 'failure', ip, actor: { email: who } });

beforeAll(async () => {
	await ready();
	const body = [
		...Array.from({ length: 12 }, (_, i) => fail('45.155.205.233', `user${i % 4}@company.com`, 3, i)),
		...Array.from({ length: 3 }, (_, i) => fail('198.51.100.7', 'anna@company.com', 10, i)),
		fail('2001:db8::5', 'ben@company.com', 11, 0),
		{ tenant, occurred_at: at(10, 30), action: 'login', outcome: 'success', ip: '198.51.100.7', actor: { email: 'anna@company.com' } },
		{ tenant, occurred_at: at(10, 31), action: 'settings_changed', outcome: 'failure', ip: '198.51.100.8', actor: { email: 'anna@company.com' } },
		{ tenant: 'elsewhere', occurred_at: at(3, 0), action: 'login_failed', outcome: 'failure', ip: '45.155.205.233', actor: 'x' }
	];
	expect((await call(POST, '/api/v1/events', { body })).status).toBe(202);
});

describe('GET /api/v1/reports/failed-logins', () => {
	it('counts failed sign-ins per IP with accounts, first and last seen and country', async () => {
		const r = await call(FAILED, `/api/v1/reports/failed-logins?tenant=${tenant}&from=now-7d`);
		expect(r.status).toBe(200);
		expect(r.json.failed_logins_by_ip).toEqual([
			{ ip: '45.155.205.233', failures: 12, accounts: 4, first_seen: at(3, 0), last_seen: at(3, 11), country: expect.any(String) },
			{ ip: '198.51.100.7', failures: 3, accounts: 1, first_seen: at(10, 0), last_seen: at(10, 2), country: null },
			{ ip: '2001:db8::5', failures: 1, accounts: 1, first_seen: at(11, 0), last_seen: at(11, 0), country: null }
		]);
	});

	it('counts exactly from a period that starts inside an hour', async () => {
		const r = await call(FAILED, `/api/v1/reports/failed-logins?tenant=${tenant}&from=${at(3, 5)}&to=${at(10, 1)}`);
		expect(r.json.failed_logins_by_ip).toEqual([
			{ ip: '45.155.205.233', failures: 7, accounts: 4, first_seen: at(3, 5), last_seen: at(3, 11), country: expect.any(String) },
			{ ip: '198.51.100.7', failures: 1, accounts: 1, first_seen: at(10, 0), last_seen: at(10, 0), country: null }
		]);
	});

	it('narrows to an address or CIDR block, the whole hours and the edges alike', async () => {
		const block = await call(FAILED, `/api/v1/reports/failed-logins?tenant=${tenant}&from=${at(3, 5)}&to=now&ip=198.51.100.0/24`);
		expect(block.status).toBe(200);
		expect(block.json.ip).toBe('198.51.100.0/24');
		expect(block.json.failed_logins_by_ip.map((x: { ip: string; failures: number }) => [x.ip, x.failures])).toEqual([['198.51.100.7', 3]]);
		const v6 = await call(FAILED, `/api/v1/reports/failed-logins?tenant=${tenant}&from=now-7d&ip=2001:db8::/32`);
		expect(v6.json.failed_logins_by_ip.map((x: { ip: string }) => x.ip)).toEqual(['2001:db8::5']);
	});

	it('refuses a mistyped address or block, naming ip, rather than ignoring it', async () => {
		for (const ip of ['10.0.0.0/33', '10.0.0', 'not-an-ip']) {
			const r = await call(FAILED, `/api/v1/reports/failed-logins?tenant=${tenant}&ip=${encodeURIComponent(ip)}`);
			expect(r.status).toBe(400);
			expect(r.json.error.parameter).toBe('ip');
		}
	});

	it('keeps a bound key to its tenant', async () => {
		const key = await keyWith(['read'], 'elsewhere');
		const r = await call(FAILED, '/api/v1/reports/failed-logins?from=now-7d', { key });
		expect(r.json.failed_logins_by_ip.map((x: { failures: number }) => x.failures)).toEqual([1]);
		expect((await call(FAILED, `/api/v1/reports/failed-logins?tenant=${tenant}`, { key })).status).toBe(403);
	});

	it('refuses a bad period', async () => {
		expect((await call(FAILED, '/api/v1/reports/failed-logins?from=soon')).json.error.parameter).toBe('from');
		expect((await call(FAILED, '/api/v1/reports/failed-logins?from=now&to=now-1d')).status).toBe(400);
	});
});

describe('GET /api/v1/events/histogram', () => {
	it('counts events per hour by outcome', async () => {
		const r = await call(HISTOGRAM, `/api/v1/events/histogram?tenant=${tenant}&from=${at(0)}&to=${at(24)}&interval=1h`);
		expect(r.status).toBe(200);
		expect(r.json.buckets).toEqual([
			{ t: at(3).replace('.000', ''), success: 0, failure: 12, pending: 0 },
			{ t: at(10).replace('.000', ''), success: 1, failure: 4, pending: 0 },
			{ t: at(11).replace('.000', ''), success: 0, failure: 1, pending: 0 }
		]);
		expect(r.json.total).toBe(18);
	});

	it('aligns day buckets to the time zone asked for and applies filters', async () => {
		const r = await call(HISTOGRAM, `/api/v1/events/histogram?tenant=${tenant}&from=${at(0)}&to=${at(24)}&interval=1d&tz=Asia/Tokyo&outcome=failure`);
		// Tokyo is UTC+9: every event of that UTC day (03:00 to 11:00) falls on the Tokyo day that began at 15:00 UTC the day before.
		const tokyoMidnight = new Date(day.getTime() - 9 * 3600e3).toISOString().replace('.000', '');
		expect(r.json.buckets).toEqual([{ t: tokyoMidnight, success: 0, failure: 17, pending: 0 }]);
	});

	it('stays exact when the period starts or ends inside a minute', async () => {
		const from = new Date(Date.parse(at(3, 4)) + 30_000).toISOString();
		const to = new Date(Date.parse(at(10, 30)) + 1).toISOString();
		const r = await call(HISTOGRAM, `/api/v1/events/histogram?tenant=${tenant}&from=${from}&to=${to}&interval=1h`);
		expect(r.json.buckets).toEqual([
			{ t: at(3).replace('.000', ''), success: 0, failure: 7, pending: 0 },
			{ t: at(10).replace('.000', ''), success: 1, failure: 3, pending: 0 }
		]);
	});

	it('gives the same counts from the rollup as from the raw events', async () => {
		for (const [from, to, interval] of [
			[at(0), at(24), '1h'],
			[at(2, 59), at(10, 31), '15m'],
			[new Date(Date.parse(at(3, 2)) + 1234).toISOString(), at(11, 1), '5m'],
			['now-7d', 'now', '1d']
		]) {
			const q = `/api/v1/events/histogram?tenant=${tenant}&from=${from}&to=${to}&interval=${interval}`;
			const viaRollup = (await call(HISTOGRAM, q)).json;
			// An operator filter that matches everything forces the raw path.
			const viaRaw = (await call(HISTOGRAM, `${q}&f=records:gt:-1`)).json;
			expect(viaRollup.buckets.length).toBeGreaterThan(0);
			expect(viaRollup).toEqual(viaRaw);
		}
	});

	it('refuses an unknown interval or time zone', async () => {
		expect((await call(HISTOGRAM, '/api/v1/events/histogram?interval=7m')).json.error.parameter).toBe('interval');
		expect((await call(HISTOGRAM, '/api/v1/events/histogram?tz=Mars/Olympus')).json.error.parameter).toBe('tz');
	});
});
