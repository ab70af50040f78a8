import { describe, expect, it } from 'vitest';
import { seriesBuckets, seriesUnit, fillSeries } from '../../src/lib/server/reports/series';
import { previousOf, resolvePeriod } from '../../src/lib/reports/periods';
import { and, eventsQuery, kindGroupDrill } from '../../src/lib/reports/events-query';
import { unusualExporters } from '../../src/lib/server/reports/unusual-exports';
import { changeValues, settingName } from '../../src/lib/server/reports/change-values';
import { changeOf as change, formatBytes as bytes } from '../../src/lib/format';
import { parseSettingsForm } from '../../src/lib/admin/tenant-settings-form';

const PARIS = 'Europe/Paris';

describe('seriesBuckets', () => {
	it('makes calendar days of the zone, the day of the change to winter time lasting 25 hours', () => {
		const b = seriesBuckets(new Date('2026-10-24T22:00:00Z'), new Date('2026-10-26T23:00:00Z'), PARIS, 'day');
		expect(b.map((x) => [x.key, x.from, x.to])).toEqual([
			['2026-10-24T22:00:00Z', '2026-10-25T00:00:00.000+02:00', '2026-10-26T00:00:00.000+01:00'],
			['2026-10-25T23:00:00Z', '2026-10-26T00:00:00.000+01:00', '2026-10-27T00:00:00.000+01:00']
		]);
	});
	it('makes absolute hours, the repeated 02:00 twice, clipped to the period', () => {
		const b = seriesBuckets(new Date('2026-10-25T00:30:00Z'), new Date('2026-10-25T02:00:00Z'), PARIS, 'hour');
		expect(b.map((x) => [x.from, x.to])).toEqual([
			['2026-10-25T02:30:00.000+02:00', '2026-10-25T02:00:00.000+01:00'],
			['2026-10-25T02:00:00.000+01:00', '2026-10-25T03:00:00.000+01:00']
		]);
	});
	it('uses hours up to two days and days beyond, and fills missing buckets with zeros', () => {
		expect(seriesUnit(new Date(0), new Date(2 * 86400e3))).toBe('hour');
		expect(seriesUnit(new Date(0), new Date(2 * 86400e3 + 1))).toBe('day');
		const b = seriesBuckets(new Date('2026-11-01T00:00:00Z'), new Date('2026-11-03T00:00:00Z'), 'UTC', 'day');
		expect(fillSeries(b, [{ t: '2026-11-02T00:00:00Z', n: 4 }], (r) => ({ n: r?.n ?? 0 })).map((x) => x.n)).toEqual([0, 4]);
	});
});

describe('resolvePeriod', () => {
	const now = new Date('2026-12-02T10:00:00Z');
	it('reads relative periods, calendar months of the zone and custom ranges typed in it', () => {
		expect(resolvePeriod({ period: '24h', tz: PARIS }, now)).toMatchObject({ from: new Date('2026-12-01T10:00:00Z'), to: now });
		expect(resolvePeriod({ period: 'month', month: '2026-10', tz: PARIS }, now)).toMatchObject({ from: new Date('2026-09-30T22:00:00Z'), to: new Date('2026-10-31T23:00:00Z') });
		expect(resolvePeriod({ period: 'custom', from: '2026-10-25T01:30', to: '2026-10-25T04:00:00Z', tz: PARIS }, now)).toMatchObject({ from: new Date('2026-10-24T23:30:00Z'), to: new Date('2026-10-25T04:00:00Z') });
	});
	it('names the bad parameter', () => {
		expect(resolvePeriod({ period: 'month', month: '2026-13', tz: PARIS }, now)).toMatchObject({ param: 'month' });
		expect(resolvePeriod({ period: 'custom', from: 'yesterday', tz: PARIS }, now)).toMatchObject({ param: 'from' });
		expect(resolvePeriod({ period: 'custom', from: '2026-11-02T00:00', to: '2026-11-01T00:00', tz: PARIS }, now)).toMatchObject({ param: 'from' });
		expect(resolvePeriod({ period: 'fortnight', tz: PARIS }, now)).toMatchObject({ param: 'period' });
	});
	it('compares a month with the month before and other periods with the same length before', () => {
		const m = resolvePeriod({ period: 'month', month: '2026-11', tz: PARIS }, now);
		if ('param' in m) throw new Error('bad');
		expect(previousOf(m, PARIS)).toEqual({ from: new Date('2026-09-30T22:00:00Z'), to: new Date('2026-10-31T23:00:00Z') });
		const d = resolvePeriod({ period: '7d', tz: PARIS }, now);
		if ('param' in d) throw new Error('bad');
		expect(previousOf(d, PARIS)).toEqual({ from: new Date('2026-11-18T10:00:00Z'), to: new Date('2026-11-25T10:00:00Z') });
	});
});

describe('events queries', () => {
	const base = { from: new Date('2026-11-01T00:00:00Z'), to: new Date('2026-11-02T00:00:00Z'), tenant: 'acme', timezone: PARIS };
	it('write the timeline filter with lists joined', () => {
		const q = new URLSearchParams(eventsQuery(base, and({ outcome: ['success'], f: ['category:ne:authentication'] }, { actor: 'a@x', f: ['target_type:eq:contact'] })));
		expect(q.get('tenant')).toBe('acme');
		expect(q.get('actor')).toBe('a@x');
		expect(q.getAll('f')).toEqual(['category:ne:authentication', 'target_type:eq:contact']);
		expect(q.get('tz')).toBe(PARIS);
	});
	it('open a kind by its actions when they name it, else by ids, else a wider filter marked inexact', () => {
		const wider = { outcome: ['success'] };
		expect(kindGroupDrill(wider, { actions: ['contact.deleted'], by_action: true, ids: [] })).toEqual({ drill: { outcome: ['success'], action: ['contact.deleted'] }, exact: true });
		expect(kindGroupDrill(wider, { actions: ['doc.updated'], by_action: false, ids: ['a', 'b'] })).toEqual({ drill: { f: ['id:in:a,b'] }, exact: true });
		expect(kindGroupDrill(wider, { actions: ['doc.updated'], by_action: false, ids: [] })).toEqual({ drill: wider, exact: false });
	});
});

describe('unusualExporters', () => {
	const day = 86400e3;
	it('flags records above the rule\'s factor times the usual daily volume scaled to the period, from the rule\'s minimum', () => {
		const current = [
			{ actor: 'a', records: 4000 },
			{ actor: 'b', records: 2900 },
			{ actor: 'c', records: 1200 },
			{ actor: 'd', records: 999 },
			{ actor: 'e', records: 50000 }
		];
		// a: 300/30 = 10 a day, 7 days -> 70 expected; b: 30000/30*7 = 7000 -> not above; c: active, never exported; e: no history.
		const baseline = [
			{ actor: 'a', records: 300 },
			{ actor: 'b', records: 30000 },
			{ actor: 'c', records: 0 },
			{ actor: 'd', records: 0 }
		];
		const rule = { rule_id: 'unusual_export_volume', factor: 3, baseline_days: 30, min_records: 1000 };
		expect(unusualExporters(rule, 7 * day, current, baseline)).toEqual([
			{ actor: 'c', records: 1200, usual_daily_records: 0, expected_records: 0, ratio: null },
			{ actor: 'a', records: 4000, usual_daily_records: 10, expected_records: 70, ratio: 57.1 }
		]);
		// The rule's settings decide: a factor of 60 leaves a (57.1x) out, a minimum of 1,500 leaves c out.
		expect(unusualExporters({ ...rule, factor: 60 }, 7 * day, current, baseline).map((u) => u.actor)).toEqual(['c']);
		expect(unusualExporters({ ...rule, min_records: 1500 }, 7 * day, current, baseline).map((u) => u.actor)).toEqual(['a']);
		// b: 2,900 against 7,000 expected from a 30-day baseline; spread over 300 days, 700 expected.
		expect(unusualExporters({ ...rule, baseline_days: 300 }, 7 * day, current, baseline).map((u) => u.actor)).toEqual(['c', 'a', 'b']);
	});
});

describe('change values', () => {
	it('show the rights fields of a privilege change, the changed fields otherwise', () => {
		const changes = JSON.stringify({ before: { role: 'agent', name: 'A' }, after: { role: 'admin', name: 'B' } });
		expect(changeValues(changes, ['name', 'role'], true)).toEqual({ before: { role: 'agent' }, after: { role: 'admin' } });
		expect(changeValues(changes, ['name', 'role'], false)).toEqual({ before: { role: 'agent', name: 'A' }, after: { role: 'admin', name: 'B' } });
		expect(changeValues('not json', [], false)).toEqual({ before: null, after: null });
		expect(settingName({ changed_fields: [], target_name: '', target_id: 'sso', action: 'x' })).toBe('sso');
	});
	it('say the change against the previous period in words', () => {
		expect(change(12, 10).text).toBe('+20%');
		expect(change(5, 10).text).toBe('−50%');
		expect(change(3, 0).text).toBe('new');
		expect(change(48519, 1).text).toBe('×48,519');
		expect(change(4852, 100).text).toBe('×49');
		expect(change(1, 480).text).toBe('÷480');
		expect(change(1000, 100).text).toBe('+900%');
		expect(change(4, 4).text).toBe('no change');
		expect(bytes(1536)).toBe('1.5 KB');
		expect(bytes(0)).toBe('—');
		expect(bytes(null)).toBe('—');
	});
});

describe('the settings form', () => {
	const ok = { tenant: 'acme', timezone: 'Europe/Paris', days: [5, 1, 2], start: '08:30', end: '18:00', reportRecipients: 'a@x.com, b@x.com\nc@x.com', alertRecipients: '' };
	it('reads business hours and recipient lists', () => {
		expect(parseSettingsForm(ok)).toEqual({
			ok: true,
			settings: { businessHours: { timezone: 'Europe/Paris', days: [1, 2, 5], start: '08:30', end: '18:00' }, reportRecipients: ['a@x.com', 'b@x.com', 'c@x.com'], alertRecipients: [] }
		});
	});
	it('names each bad field in words', () => {
		const r = parseSettingsForm({ ...ok, timezone: 'Mars/Base', end: '07:00', alertRecipients: 'not-an-address' });
		expect(r.ok).toBe(false);
		if (r.ok) return;
		expect(r.errors.timezone).toMatch(/^Time zone must be an IANA time zone/);
		expect(r.errors.end).toMatch(/business hours must start before they end/i);
		expect(r.errors.alertRecipients).toMatch(/^Alert recipients: "not-an-address" must be an email address/);
	});
});

describe('activeUsersSplit', () => {
	it('covers the period once: whole days, whole hours of the partial days, then raw ends', async () => {
		const { activeUsersSplit } = await import('../../src/lib/server/queries/reports/count-active-users');
		const s = activeUsersSplit(new Date('2026-10-01T05:20:00Z'), new Date('2026-10-04T02:10:00Z'));
		expect(s.days).toEqual({ from: new Date('2026-10-02T00:00:00Z'), to: new Date('2026-10-04T00:00:00Z') });
		expect(s.hours).toEqual([
			{ from: new Date('2026-10-01T06:00:00Z'), to: new Date('2026-10-02T00:00:00Z') },
			{ from: new Date('2026-10-04T00:00:00Z'), to: new Date('2026-10-04T02:00:00Z') }
		]);
		expect(s.raw.map((r) => [r.from.toISOString(), r.to.toISOString()])).toEqual([
			['2026-10-01T05:20:00.000Z', '2026-10-01T06:00:00.000Z'],
			['2026-10-02T00:00:00.000Z', '2026-10-02T00:00:00.000Z'],
			['2026-10-04T00:00:00.000Z', '2026-10-04T00:00:00.000Z'],
			['2026-10-04T02:00:00.000Z', '2026-10-04T02:10:00.000Z']
		]);
	});
});
