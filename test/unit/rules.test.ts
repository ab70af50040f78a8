import { describe, expect, it } from 'vitest';
import { RuleSchema } from '../../src/lib/schemas/rule';
import { DEFAULT_BUSINESS_HOURS } from '../../src/lib/schemas/tenant-settings';
import { builtinRule } from '../../src/lib/server/rules/builtin';
import { alertIdOf, decideAlerts, type Hit } from '../../src/lib/server/rules/decide';
import { planWindows } from '../../src/lib/server/rules/plan-windows';
import { matchSql } from '../../src/lib/server/rules/rule-sql';

const T = (hhmm: string) => new Date(`2026-12-02T${hhmm}:00Z`);
const rule = builtinRule('brute_force_ip')!;
const hit = (slot: string, measure: number, ip = '203.0.113.9', over: Partial<Hit> = {}): Hit => ({
	groupValues: [ip],
	slotEnd: T(slot),
	measure,
	peak: measure,
	limit: 10,
	firstSeen: new Date(T(slot).getTime() - 5 * 60_000),
	lastSeen: T(slot),
	escalated: false,
	...over
});

describe('planWindows', () => {
	const o = { delayMs: 120_000, maxWindows: 60 };
	it.each([
		['a first run evaluates only the latest due window', null, '10:00:30', { from: T('09:57'), to: T('09:58'), windows: 1, skippedWindows: 0 }],
		['nothing is due again within the same minute', T('09:58'), '10:00:50', null],
		['after ten minutes down every missed window is due once', T('09:48'), '10:00:10', { from: T('09:48'), to: T('09:58'), windows: 10, skippedWindows: 0 }],
		['past the cap the oldest windows are skipped and counted', T('07:58'), '10:00:00', { from: T('08:58'), to: T('09:58'), windows: 60, skippedWindows: 60 }]
	] as const)('%s', (_name, watermark, now, expected) => {
		const plan = planWindows(watermark, new Date(`2026-12-02T${now}Z`), o);
		if (expected === null) expect(plan).toBeNull();
		else expect(plan).toMatchObject(expected);
	});
});

describe('decideAlerts', () => {
	it('opens one alert per group and names it after what opened it, so a re-run names the same alert', () => {
		const d = decideAlerts(rule, 'acme', [hit('10:00', 12), hit('10:00', 11, '198.51.100.7')], [], T('10:03'));
		expect(d.map((x) => [x.kind, x.alert.groupValues[0], x.alert.count])).toEqual([['open', '203.0.113.9', 12], ['open', '198.51.100.7', 11]]);
		expect(d[0].alert.id).toBe(alertIdOf(rule.id, 'acme', JSON.stringify(['203.0.113.9']), T('10:00')));
		expect(decideAlerts(rule, 'acme', [hit('10:00', 12)], [], T('10:09'))[0].alert.id).toBe(d[0].alert.id);
	});

	it('extends the open alert of a group within the cooldown instead of opening another', () => {
		const [first] = decideAlerts(rule, 'acme', [hit('10:00', 12)], [], T('10:03'));
		const next = decideAlerts(rule, 'acme', [hit('10:20', 30)], [first.alert], T('10:23'));
		expect(next).toHaveLength(1);
		expect(next[0]).toMatchObject({ kind: 'extend', alert: { id: first.alert.id, count: 30, windowEnd: T('10:20'), version: 2 } });
	});

	it('changes nothing when the same hit is applied again', () => {
		const [first] = decideAlerts(rule, 'acme', [hit('10:00', 12)], [], T('10:03'));
		expect(decideAlerts(rule, 'acme', [hit('10:00', 12)], [first.alert], T('10:05'))).toEqual([]);
	});

	it('opens a new alert once the cooldown has passed, or when the last one was resolved', () => {
		const [first] = decideAlerts(rule, 'acme', [hit('10:00', 12)], [], T('10:03'));
		const late = new Date(T('10:00').getTime() + (rule.cooldownMinutes + 1) * 60_000);
		const slot = late.toISOString().slice(11, 16);
		expect(decideAlerts(rule, 'acme', [hit(slot, 12)], [first.alert], late)[0].kind).toBe('open');
		expect(decideAlerts(rule, 'acme', [hit('10:20', 12)], [{ ...first.alert, status: 'resolved' }], T('10:23'))[0].kind).toBe('open');
	});

	it('never lets another tenant’s alert absorb a hit', () => {
		const [other] = decideAlerts(rule, 'globex', [hit('10:00', 12)], [], T('10:03'));
		expect(decideAlerts(rule, 'acme', [hit('10:05', 12)], [other.alert], T('10:08'))[0].kind).toBe('open');
	});

	it('raises the severity of an escalated privilege change', () => {
		const priv = builtinRule('privilege_escalation')!;
		const [d] = decideAlerts(priv, 'acme', [hit('10:00', 1, 'boss', { escalated: true, limit: 1, groupValues: ['boss', 'user:u-7'] })], [], T('10:03'));
		expect(d.alert.severity).toBe('high');
		expect(priv.severity).toBe('medium');
	});
});

describe('a rule filter', () => {
	const base = builtinRule('off_hours_access')!;
	it('accepts timeline operator filters and refuses what it cannot read, saying why', () => {
		expect(RuleSchema.safeParse({ ...base, filter: { ...base.filter, where: ['source:eq:okta', 'ip:cidr:10.0.0.0/8'] } }).success).toBe(true);
		const bad = RuleSchema.safeParse({ ...base, filter: { ...base.filter, where: ['colour:eq:red', 'occurred_at:gt:now-1h'] } });
		expect(bad.error?.issues.map((i) => i.message)).toEqual([expect.stringMatching(/unknown field "colour"/), 'a rule sets its time by its window, not by occurred_at']);
	});

	it('compiles its operator filters with parameters of their own beside the business hours', () => {
		const f = matchSql({ kinds: ['sign_in'], offHours: true, where: ['actor_type:ne:service', 'source:eq:okta'] }, DEFAULT_BUSINESS_HOURS, 'm');
		expect(f.sql).toContain('{mw0:String}');
		expect(f.sql).toContain('{mw1:String}');
		expect(f.params).toMatchObject({ mw0: 'service', mw1: 'okta', mTz: 'UTC' });
		expect(matchSql({ kinds: ['sign_in'], offHours: false }, DEFAULT_BUSINESS_HOURS, 'm').params).toEqual({});
	});
});
