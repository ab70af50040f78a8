import { describe, expect, it } from 'vitest';
import { RuleSchema } from '../../src/lib/schemas/rule';
import { DEFAULT_BUSINESS_HOURS } from '../../src/lib/schemas/tenant-settings';
import { builtinRule } from '../../src/lib/server/rules/builtin';
import { alertIdOf, changedSince, decideAlerts, type Hit } from '../../src/lib/server/rules/decide';
import { kindsRead, minuteKey, rangesFor, spanRange, touchedMinutes } from '../../src/lib/server/rules/plan-arrivals';
import { matchSql } from '../../src/lib/server/rules/rule-sql';

const T = (hhmm: string) => new Date(`2026-12-02T${hhmm}:00Z`);
const rule = builtinRule('brute_force_ip')!;
const hit = (slot: string, measure: number, ip = '203.0.113.9', over: Partial<Hit> = {}): Hit => ({
	tenant: 'acme',
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

describe('rangesFor', () => {
	const span = (r: { from: Date; to: Date }[]) => r.map((x) => `${x.from.toISOString().slice(11, 16)}-${x.to.toISOString().slice(11, 16)}`);
	it.each([
		['an event counts in every window ending within the window after it', ['10:00'], 15, ['10:00-10:15']],
		['minutes of one burst make one range', ['10:00', '10:03', '10:07'], 15, ['10:00-10:22']],
		['a gap shorter than the window is evaluated rather than split', ['10:00', '10:20'], 15, ['10:00-10:35']],
		['events far apart make separate ranges', ['08:00', '10:00'], 15, ['08:00-08:15', '10:00-10:15']],
		['seconds are aligned to their minute', ['10:00:42'], 5, ['10:00-10:05']]
	] as const)('%s', (_name, minutes, window, expected) => {
		expect(span(rangesFor(minutes.map((m) => new Date(`2026-12-02T${m.length === 5 ? `${m}:00` : m}Z`)), window))).toEqual(expected);
	});

	it('never plans more ranges than the cap, merging the closest first', () => {
		const minutes = Array.from({ length: 10 }, (_, i) => new Date(Date.UTC(2026, 11, 2, i, i === 3 ? 30 : 0)));
		const r = rangesFor(minutes, 5, 8);
		expect(r).toHaveLength(8);
		// Every event's windows are still covered.
		for (const m of minutes) expect(r.some((x) => x.from <= m && x.to.getTime() >= m.getTime() + 5 * 60_000)).toBe(true);
	});

	it('re-runs a span as whole minutes', () => {
		expect(span(spanRange(new Date('2026-12-02T10:00:30Z'), new Date('2026-12-02T10:09:10Z')))).toEqual(['10:00-10:10']);
	});
});

describe('touchedMinutes', () => {
	const arrived = [
		{ tenant: 'acme', minute: T('09:00'), lastReceived: T('10:00'), seen: 1, tail: 1, kinds: ['failed_sign_in' as const] },
		{ tenant: 'acme', minute: T('07:00'), lastReceived: T('10:04'), seen: 0, tail: 1, kinds: ['export' as const, 'sign_in' as const] },
		{ tenant: 'globex', minute: T('10:03'), lastReceived: T('10:04'), seen: 0, tail: 2, kinds: [] }
	];
	it('takes the minutes of a tenant that received events after its mark, less the settle time', () => {
		expect(touchedMinutes(arrived, 'acme', T('10:03'), 60_000)).toEqual([T('07:00')]);
		expect(touchedMinutes(arrived, 'acme', T('10:01'), 120_000)).toEqual([T('09:00'), T('07:00')]);
	});
	it('takes every minute of a tenant without a mark', () => {
		expect(touchedMinutes(arrived, 'globex', null, 0)).toEqual([T('10:03')]);
	});
	it('leaves out a minute re-read only for the settle time when the previous read saw the same events of it', () => {
		const seen = (n: number) => ({ until: T('10:01'), tails: new Map([[minuteKey('acme', T('09:00')), n]]) });
		expect(touchedMinutes(arrived, 'acme', T('10:01'), 120_000, seen(1))).toEqual([T('07:00')]);
		// One more event of 09:00, stamped before the previous read's end, became visible only after it.
		expect(touchedMinutes(arrived, 'acme', T('10:01'), 120_000, seen(0))).toEqual([T('09:00'), T('07:00')]);
		// A rule whose mark is not the previous read's end (it failed then) reads everything again.
		expect(touchedMinutes(arrived, 'acme', T('10:00'), 120_000, seen(1))).toEqual([T('09:00'), T('07:00')]);
	});
	it("given a rule's kinds, takes only the minutes where events of one of them arrived", () => {
		expect(touchedMinutes(arrived, 'acme', null, 0, null, kindsRead(builtinRule('brute_force_ip')!))).toEqual([T('09:00')]);
		expect(touchedMinutes(arrived, 'acme', null, 0, null, kindsRead(builtinRule('success_after_failures')!))).toEqual([T('09:00'), T('07:00')]);
		expect(touchedMinutes(arrived, 'acme', null, 0, null, kindsRead(builtinRule('mass_deletion')!))).toEqual([]);
		// A minute holding only events of no kind is read by no rule...
		expect(touchedMinutes(arrived, 'globex', null, 0, null, kindsRead(builtinRule('new_country')!))).toEqual([]);
		// ...but by a rule with a baseline, whose baseline starts from the earliest window evaluated.
		expect(kindsRead(builtinRule('unusual_export_volume')!)).toBeNull();
		expect(touchedMinutes(arrived, 'globex', null, 0, null, kindsRead(builtinRule('unusual_export_volume')!))).toEqual([T('10:03')]);
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
		expect(next[0]).toMatchObject({ kind: 'extend', prior: first.alert, alert: { id: first.alert.id, count: 30, windowEnd: T('10:20') } });
	});

	it('changes nothing when the same hit is applied again', () => {
		const [first] = decideAlerts(rule, 'acme', [hit('10:00', 12)], [], T('10:03'));
		const again = decideAlerts(rule, 'acme', [hit('10:00', 12)], [first.alert], T('10:05'));
		expect(again.map((d) => changedSince(d.prior!, d.alert))).toEqual([false]);
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
