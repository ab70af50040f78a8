import { beforeAll, describe, expect, it } from 'vitest';
import { backtestRule } from '../../src/lib/server/alerts/backtest';
import { RuleSchema } from '../../src/lib/schemas/rule';
import { builtinRule } from '../../src/lib/server/rules/builtin';
import { GET as EVENTS } from '../../src/routes/api/v1/events/+server';
import { GET as LIST_RULES } from '../../src/routes/api/v1/rules/+server';
import { PUT as EDIT_RULE } from '../../src/routes/api/v1/rules/[id]/+server';
import { call, ready } from './helpers';
import { NOW, ago, failures, store } from './rule-events';

const DAY = 1440;
const login = (tenant: string, at: string, ip: string, id = 'ann') => ({
	tenant, occurred_at: at, action: 'LOGIN_SUCCESS', category: 'authentication', actor: { id, email: `${id}@example.com` }, ip
});
const FRANCE = '90.0.0.1';
const VIETNAM = '14.161.22.87';
const OFFICE = '198.51.100.40';

/** What a rule would raise over the last `days` days, as the rules page asks it. */
const backtest = (id: string, tenant: string, days: number, edit: object = {}) =>
	backtestRule(RuleSchema.parse({ ...builtinRule(id)!, ...edit }), { tenant, from: new Date(NOW.getTime() - days * 86_400_000), to: NOW, now: NOW });

beforeAll(async () => {
	await ready();
	await store([
		// Ann signs in from France for weeks, all of it inside a 30-day backtest, then once from Vietnam.
		...[25, 20, 14, 9, 5, 2].map((d) => login('nc-inside', ago(d * DAY), FRANCE)),
		login('nc-inside', ago(30), VIETNAM),
		// Bob's first sign-in ever is from Vietnam: nothing to compare it with, so nothing is new.
		login('nc-inside', ago(3 * DAY), VIETNAM, 'bob'),
		login('nc-inside', ago(2 * DAY), VIETNAM, 'bob'),
		// Carol came from Vietnam 10 days ago and comes again: not new within 30 days.
		...[20, 12, 3].map((d) => login('nc-inside', ago(d * DAY), FRANCE, 'carol')),
		login('nc-inside', ago(10 * DAY), VIETNAM, 'carol'),
		login('nc-inside', ago(60), VIETNAM, 'carol'),
		// Dave signed in from the office (an address without a country), then once from France: no country was usual yet.
		...[9, 6, 4].map((d) => login('nc-inside', ago(d * DAY), OFFICE, 'dave')),
		login('nc-inside', ago(45), FRANCE, 'dave'),
		...failures('bt-list', 12, { startMin: 200, ip: '203.0.113.77' }),
		...failures('bt-list', 25, { startMin: 100, ip: '203.0.113.78', stepSec: 10 })
	]);
});

describe('backtesting new_country', () => {
	it('finds the sign-in from a new country when the history lies inside the tested period, and only then', async () => {
		for (const days of [2, 7]) {
			const r = await backtest('new_country', 'nc-inside', days);
			expect(r.groups.map((g) => g.group), `${days} days`).toEqual([{ account: 'ann@example.com', country: 'VN' }]);
		}
		// Over 30 days Carol's first Vietnam sign-in (10 days ago, after two from France) was new too.
		const month = await backtest('new_country', 'nc-inside', 30);
		expect(month.groups.map((g) => g.group)).toEqual([
			{ account: 'carol@example.com', country: 'VN' },
			{ account: 'ann@example.com', country: 'VN' }
		]);
		expect(month.list.map((a) => a.firstSeen)).toEqual([ago(10 * DAY), ago(30)]);
	});

	it('forgets what is older than the look-back', async () => {
		// Carol's earlier Vietnam sign-in is 10 days back: with a 7-day look-back it is forgotten, so today's counts as new.
		const r = await backtest('new_country', 'nc-inside', 2, { lookbackDays: 7 });
		expect(r.groups.map((g) => g.group)).toContainEqual({ account: 'carol@example.com', country: 'VN' });
	});
});

describe('a backtest', () => {
	it('says which values it tested and lists each alert with its group, count, window and events link', async () => {
		const r = await backtest('brute_force_ip', 'bt-list', 1, { threshold: 11, windowMinutes: 10 });
		expect(r.tested).toMatchObject({ threshold: 11, windowMinutes: 10, cooldownMinutes: 60, severity: 'high' });
		expect(r.description).toBe('At least 11 failed sign-ins from one IP within 10 minutes.');
		expect(r.alerts).toBe(2);
		expect(r.list.map((a) => a.group)).toEqual([{ ip: '203.0.113.77' }, { ip: '203.0.113.78' }]);
		const [slow, fast] = r.list;
		expect(slow.count).toBe(12);
		expect(fast.count).toBe(25);
		// A window of 10 minutes, extended while the burst stayed over the threshold.
		expect(fast.windowStart <= fast.firstSeen && fast.lastSeen < fast.windowEnd).toBe(true);
		expect(Date.parse(fast.windowEnd) - Date.parse(fast.windowStart)).toBeGreaterThanOrEqual(10 * 60_000);
		// The link opens exactly the events the alert counted.
		expect(fast.href).toMatch(/^\/events\?/);
		const shown = await call(EVENTS, `/api/v1/events?${fast.href.slice('/events?'.length)}&limit=1000`);
		expect(shown.status, JSON.stringify(shown.json)).toBe(200);
		expect(shown.json.events).toHaveLength(25);
		expect(shown.json.events.every((e: { ip: string; tenant: string }) => e.ip === '203.0.113.78' && e.tenant === 'bt-list')).toBe(true);
	});

	it('lists nothing with a threshold no group reaches', async () => {
		const r = await backtest('brute_force_ip', 'bt-list', 1, { threshold: 26 });
		expect(r).toMatchObject({ alerts: 0, list: [], groups: [] });
	});
});

describe('a rule description', () => {
	it('follows a saved edit, in the rules API', async () => {
		const put = await call(EDIT_RULE, '/api/v1/rules/account_brute_force', { method: 'PUT', body: { threshold: 20, window_minutes: 30 }, params: { id: 'account_brute_force' } });
		expect(put.status, JSON.stringify(put.json)).toBe(200);
		expect(put.json.rule.description).toBe('At least 20 failed sign-ins for one account within 30 minutes.');
		const rules = (await call(LIST_RULES, '/api/v1/rules')).json.rules as { id: string; description: string }[];
		expect(rules.find((r) => r.id === 'account_brute_force')!.description).toBe('At least 20 failed sign-ins for one account within 30 minutes.');
	});
});
