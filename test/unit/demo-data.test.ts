import { describe, expect, it } from 'vitest';
import { EventInputSchema, type EventInput } from '../../src/lib/schemas/event-input';
import { DEMO_INCIDENTS, EMPLOYEES, generateDemoEvents, incidentStart, type IncidentKey } from '../../src/lib/server/demo';

const MIN = 60_000;
const DAY = 24 * 60 * MIN;
// One window across the spring DST change, one in autumn, so Paris-time rhythm is checked on both offsets.
const NOWS = [new Date('2026-04-10T09:15:00.000Z'), new Date('2026-11-20T14:30:25.123Z')];

// Intl is an independent check on the generator's own Paris offset arithmetic.
const paris = new Intl.DateTimeFormat('en-GB', {
	timeZone: 'Europe/Paris',
	weekday: 'short',
	hour: '2-digit',
	hourCycle: 'h23',
	year: 'numeric',
	month: '2-digit',
	day: '2-digit'
});
function parisParts(ms: number) {
	const parts = Object.fromEntries(paris.formatToParts(ms).map((p) => [p.type, p.value]));
	return { weekday: parts.weekday, hour: Number(parts.hour), date: `${parts.year}-${parts.month}-${parts.day}` };
}
const isWorkday = (weekday: string) => !['Sat', 'Sun'].includes(weekday);

const ms = (e: EventInput) => Date.parse(String(e.occurred_at));
const actorId = (e: EventInput) => (typeof e.actor === 'object' ? e.actor?.id : e.actor);
const is = (e: EventInput, action: string) => e.action.toLowerCase() === action.toLowerCase();
const details = (e: EventInput) => (e.details ?? {}) as Record<string, unknown>;
const incident = (key: IncidentKey) => DEMO_INCIDENTS.find((i) => i.key === key)!;

describe('generateDemoEvents', () => {
	const [now] = NOWS;
	const events = generateDemoEvents({ now });

	it('is deterministic: the same options give byte-identical output', () => {
		expect(JSON.stringify(generateDemoEvents({ now: new Date(now) }))).toBe(JSON.stringify(events));
	});

	it('changes with the seed and stamps the tenant', () => {
		const other = generateDemoEvents({ now, seed: 7, tenant: 'acme' });
		expect(other[0].id).not.toBe(events[0].id);
		expect(other.every((e) => e.tenant === 'acme')).toBe(true);
		expect(events.every((e) => e.tenant === 'default')).toBe(true);
	});

	it('produces only events that pass EventInputSchema, with unique v4 ids and millisecond UTC times', () => {
		const failures = events.filter((e) => !EventInputSchema.safeParse(e).success);
		expect(failures).toEqual([]);
		expect(new Set(events.map((e) => e.id)).size).toBe(events.length);
		for (const e of events) {
			expect(e.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
			expect(e.occurred_at).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
		}
	});

	it('sorts ascending and stays within the last 30 days, never after now', () => {
		const times = events.map(ms);
		expect(times.every((t, i) => i === 0 || times[i - 1] <= t)).toBe(true);
		expect(times[times.length - 1]).toBeLessThanOrEqual(now.getTime());
		expect(times[0]).toBeGreaterThanOrEqual(now.getTime() - 30 * DAY);
	});

	it('honours a shorter period and leaves out incidents older than it', () => {
		const week = generateDemoEvents({ now, days: 7 });
		expect(week.every((e) => ms(e) >= now.getTime() - 7 * DAY && ms(e) <= now.getTime())).toBe(true);
		expect(week.length).toBeLessThan(events.length / 3);
		expect(week.some((e) => actorId(e) === incident('export_spree').actorId && is(e, 'DATA_EXPORTED') && Number(details(e).records) >= 8_000)).toBe(false);
	});

	it('rejects an invalid clock', () => {
		expect(() => generateDemoEvents({ now: new Date('nope') })).toThrow(RangeError);
	});

	it('mixes sources, spellings, actor types and outcomes as real apps do', () => {
		const sources = new Set(events.map((e) => e.source));
		for (const s of ['helpdesk', 'chatbot-studio', 'workspace', 'admin-console', 'voice-assistant']) expect(sources).toContain(s);
		const actions = new Set(events.map((e) => e.action));
		const expected = ['LOGIN_SUCCESS', 'login', 'login_failed', 'LOGIN_FAILED', 'token_refresh', 'CONTACT_UPDATED', 'CONTACT_DELETED'];
		expected.push('publish on prod', 'service_restart', 'DATA_EXPORTED', 'REPORT_DOWNLOADED', 'INTEGRATION_ENABLED', 'change role');
		for (const a of expected) expect(actions).toContain(a);
		const withCategory = events.filter((e) => e.category).length;
		expect(withCategory).toBeGreaterThan(0);
		expect(withCategory).toBeLessThan(events.length);
		const types = new Set(events.map((e) => (typeof e.actor === 'object' ? e.actor?.type : undefined)));
		expect([...types].sort()).toEqual(['service', 'system', 'user']);
		const pending = events.filter((e) => e.outcome === 'pending').length;
		expect(pending).toBeGreaterThan(0);
		expect(pending / events.length).toBeLessThan(0.01);
		expect(events.some((e) => e.outcome === 'failure')).toBe(true);
		expect(events.some((e) => String(e.ip).includes(':'))).toBe(true);
		expect(new Set(EMPLOYEES.map((p) => p.actor.email)).size).toBe(EMPLOYEES.length);
	});

	it('keeps routine exports small, so only the planted ones look large', () => {
		const big = events.filter((e) => is(e, 'DATA_EXPORTED') && Number(details(e).records) >= 8_000);
		const planted = new Set([incident('large_export').actorId, incident('export_spree').actorId]);
		expect(big.length).toBeGreaterThan(0);
		expect(big.every((e) => planted.has(actorId(e)!))).toBe(true);
	});
});

describe.each(NOWS.map((now) => [now.toISOString(), now] as const))('demo data ending %s', (_label, now) => {
	const events = generateDemoEvents({ now });
	const at = events.map((e) => ({ e, t: ms(e), p: parisParts(ms(e)) }));

	it('has a month-sized volume and 1,500 to 3,000 events per full weekday', () => {
		expect(events.length).toBeGreaterThanOrEqual(40_000);
		expect(events.length).toBeLessThanOrEqual(60_000);
		const perDate = new Map<string, { weekday: string; n: number }>();
		for (const { p } of at) perDate.set(p.date, { weekday: p.weekday, n: (perDate.get(p.date)?.n ?? 0) + 1 });
		const days = [...perDate.values()].slice(1, -1); // the first and last dates are partial
		const weekdays = days.filter((d) => isWorkday(d.weekday));
		expect(weekdays.length).toBeGreaterThanOrEqual(18);
		for (const d of weekdays) {
			expect(d.n).toBeGreaterThanOrEqual(1_500);
			expect(d.n).toBeLessThanOrEqual(3_000);
		}
		for (const d of days.filter((x) => !isWorkday(x.weekday))) expect(d.n).toBeLessThan(300);
	});

	it('follows Paris working hours: most events Monday to Friday 08:00-19:00, few at night', () => {
		const office = at.filter(({ p }) => isWorkday(p.weekday) && p.hour >= 8 && p.hour < 19).length;
		const night = at.filter(({ p }) => p.hour < 6 || p.hour >= 23).length;
		expect(office / events.length).toBeGreaterThan(0.7);
		expect(night / events.length).toBeLessThan(0.05);
	});

	it('places every incident in the last 30 days and before now', () => {
		for (const inc of DEMO_INCIDENTS) {
			const start = incidentStart(inc, now).getTime();
			expect(start).toBeLessThan(now.getTime());
			expect(start).toBeGreaterThan(now.getTime() - 30 * DAY);
		}
	});

	it('plants a brute force: 30+ password failures from one IP on one account within 10 minutes', () => {
		const inc = incident('brute_force');
		const hits = at.filter(({ e }) => e.ip === inc.ip && is(e, 'login_failed') && e.outcome === 'failure' && e.reason === 'Invalid password');
		expect(hits.length).toBeGreaterThanOrEqual(30);
		expect(new Set(hits.map(({ e }) => actorId(e)))).toEqual(new Set([inc.actorId]));
		expect(hits[hits.length - 1].t - hits[0].t).toBeLessThanOrEqual(10 * MIN);
		expect(hits[0].t).toBe(incidentStart(inc, now).getTime());
	});

	it('plants a password spray: one IP failing on 12+ accounts within 30 minutes, then one success', () => {
		const inc = incident('password_spray');
		const fromIp = at.filter(({ e }) => e.ip === inc.ip);
		const failed = fromIp.filter(({ e }) => e.outcome === 'failure' && is(e, 'LOGIN_FAILED'));
		const emails = new Set(failed.map(({ e }) => (typeof e.actor === 'object' ? e.actor?.email : '')));
		expect(emails.size).toBeGreaterThanOrEqual(12);
		const success = fromIp.filter(({ e }) => is(e, 'LOGIN_SUCCESS') && e.outcome === 'success');
		expect(success).toHaveLength(1);
		expect(success[0].t).toBeGreaterThan(failed[failed.length - 1].t);
		expect(success[0].t - failed[0].t).toBeLessThanOrEqual(30 * MIN);
		expect(actorId(success[0].e)).toBe(inc.actorId);
	});

	it('plants a 48,000-record export by a manager and a 60,000-record export spree within a day', () => {
		const large = incident('large_export');
		const manager = EMPLOYEES.find((p) => p.actor.id === large.actorId)!;
		expect(manager.role).toBe('manager');
		expect(events.filter((e) => is(e, 'DATA_EXPORTED') && actorId(e) === large.actorId && details(e).records === 48_000)).toHaveLength(1);

		const spree = incident('export_spree');
		const start = incidentStart(spree, now).getTime();
		const exports = at.filter(({ e, t }) => is(e, 'DATA_EXPORTED') && actorId(e) === spree.actorId && t >= start && t < start + DAY);
		expect(exports.length).toBeGreaterThanOrEqual(5);
		const total = exports.reduce((sum, { e }) => sum + Number(details(e).records), 0);
		expect(total).toBeGreaterThanOrEqual(55_000);
		expect(total).toBeLessThanOrEqual(65_000);
	});

	it('plants an admin sign-in at 03:00 Paris on a Sunday from abroad, followed by a settings change', () => {
		const inc = incident('off_hours_admin');
		expect(EMPLOYEES.find((p) => p.actor.id === inc.actorId)?.role).toBe('admin');
		const login = at.find(({ e }) => e.ip === inc.ip && is(e, 'LOGIN') && e.outcome === 'success');
		expect(login && actorId(login.e)).toBe(inc.actorId);
		expect(login!.p).toMatchObject({ weekday: 'Sun', hour: 3 });
		const change = at.find(({ e, t }) => is(e, 'SETTINGS_CHANGED') && actorId(e) === inc.actorId && t > login!.t && t - login!.t <= 30 * MIN);
		expect(change?.e.changes?.before).toBeTruthy();
		expect(change?.e.changes?.after).toBeTruthy();
		expect(at.filter(({ e }) => e.ip === inc.ip).every(({ e }) => actorId(e) === inc.actorId)).toBe(true);
	});

	it('plants exactly one privilege escalation from agent to admin', () => {
		const inc = incident('privilege_escalation');
		const toAdmin = events.filter((e) => e.changes?.after?.role === 'admin');
		expect(toAdmin).toHaveLength(1);
		expect(toAdmin[0]).toMatchObject({ action: 'PERMISSIONS_CHANGED', changes: { before: { role: 'agent' } }, target: { id: inc.actorId } });
		expect(ms(toAdmin[0])).toBe(incidentStart(inc, now).getTime());
	});

	it('plants a mass deletion: 80+ contacts deleted by one actor within 5 minutes, plus a bulk delete of 120', () => {
		const inc = incident('mass_deletion');
		const start = incidentStart(inc, now).getTime();
		const deleted = at.filter(({ e, t }) => is(e, 'CONTACT_DELETED') && actorId(e) === inc.actorId && t >= start && t <= start + 5 * MIN);
		expect(deleted.length).toBeGreaterThanOrEqual(80);
		const bulk = events.filter((e) => is(e, 'bulk_delete') && actorId(e) === inc.actorId);
		expect(bulk).toHaveLength(1);
		expect(details(bulk[0]).count).toBe(120);
	});

	it('keeps ordinary password typos too sparse to look like an attack', () => {
		const attackers = new Set([incident('brute_force').ip, incident('password_spray').ip]);
		const byIp = new Map<string, number[]>();
		for (const { e, t } of at) {
			if (e.outcome !== 'failure' || !is(e, 'login_failed') || !e.ip || attackers.has(e.ip)) continue;
			byIp.set(e.ip, [...(byIp.get(e.ip) ?? []), t]);
		}
		expect(byIp.size).toBeGreaterThan(0);
		for (const times of byIp.values()) for (let i = 0; i + 3 < times.length; i++) expect(times[i + 3] - times[i]).toBeGreaterThan(10 * MIN);
	});
});
