import { describe, expect, it } from 'vitest';
import { dueAt, dueMonth, isMonth, monthDays, monthEnded, monthLabel, monthRange, shiftMonth } from '../../src/lib/server/monthly/month';
import { shiftMonthText } from '../../src/lib/monthly/month-nav';

describe('monthRange', () => {
	it.each([
		['2026-11', 'America/New_York', '2026-11-01T04:00:00.000Z', '2026-12-01T05:00:00.000Z'],
		['2026-03', 'Europe/Paris', '2026-02-28T23:00:00.000Z', '2026-03-31T22:00:00.000Z'],
		['2026-10', 'Europe/Paris', '2026-09-30T22:00:00.000Z', '2026-10-31T23:00:00.000Z'],
		['2026-12', 'UTC', '2026-12-01T00:00:00.000Z', '2027-01-01T00:00:00.000Z'],
		['2027-01', 'Pacific/Auckland', '2026-12-31T11:00:00.000Z', '2027-01-31T11:00:00.000Z']
	])('%s in %s runs from its first midnight to the next month’s', (month, zone, from, to) => {
		const r = monthRange(month, zone);
		expect([r.from.toISOString(), r.to.toISOString()]).toEqual([from, to]);
	});

	it('has the days of the month in the zone, a DST day counted once', () => {
		expect(monthDays('2026-10', 'Europe/Paris')).toHaveLength(31);
		expect(monthDays('2026-02', 'UTC').at(-1)).toBe('2026-02-28');
		expect(monthDays('2028-02', 'UTC').at(-1)).toBe('2028-02-29');
	});
});

describe('dueMonth', () => {
	it.each([
		['2026-12-01T06:59:59Z', 'Europe/Paris', '2026-10'], // 07:59:59 in Paris
		['2026-12-01T07:00:00Z', 'Europe/Paris', '2026-11'], // 08:00 in Paris
		['2026-12-02T10:00:00Z', 'Europe/Paris', '2026-11'],
		['2026-12-01T07:59:00Z', 'UTC', '2026-10'],
		['2026-12-01T08:00:00Z', 'UTC', '2026-11'],
		['2026-11-30T19:00:00Z', 'Pacific/Auckland', '2026-11'], // 08:00 on 1 December there
		['2027-01-01T13:00:00Z', 'America/New_York', '2026-12'], // 08:00 EST
		['2026-04-01T06:00:00Z', 'Europe/Paris', '2026-03'] // 08:00 CEST, after the spring change
	])('at %s in %s the latest due report is %s', (now, zone, month) => {
		expect(dueMonth(new Date(now), zone)).toBe(month);
	});

	it('is due at 08:00 on the 1st of the next month', () => {
		expect(dueAt('2026-12', 'Europe/Paris').toISOString()).toBe('2027-01-01T07:00:00.000Z');
	});
});

describe('months', () => {
	it('parses, shifts and names them', () => {
		expect(['2026-11', '2026-1', '2026-13', '1999-01', 'x'].map(isMonth)).toEqual([true, false, false, false, false]);
		expect([shiftMonth('2026-01', -1), shiftMonth('2026-12', 1), shiftMonthText('2026-01', -1), shiftMonthText('2026-12', 1)]).toEqual(['2025-12', '2027-01', '2025-12', '2027-01']);
		expect(monthLabel('2026-11')).toBe('November 2026');
		expect(monthEnded('2026-11', 'America/New_York', new Date('2026-12-01T04:59:59Z'))).toBe(false);
		expect(monthEnded('2026-11', 'America/New_York', new Date('2026-12-01T05:00:00Z'))).toBe(true);
	});
});
