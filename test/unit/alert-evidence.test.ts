import { describe, expect, it } from 'vitest';
import { evidenceQuery } from '../../src/lib/alerts/evidence-query';
import { latenessNote } from '../../src/lib/alerts/lateness';
import { formatHoursSpec, parseHoursSpec } from '../../src/lib/schemas/hours-spec';
import { EventFilterSchema, filterParams } from '../../src/lib/schemas/event-filter';
import { builtinRule } from '../../src/lib/server/rules/builtin';
import { foldIncidents } from '../../src/lib/server/rules/incidents';
import { groupLabels } from '../../src/lib/server/rules/compile-evidence';
import type { Alert } from '../../src/lib/server/rules/decide';

const PARIS = { timezone: 'Europe/Paris', days: [1, 2, 3, 4, 5], start: '07:00', end: '22:00' };
const T = (hhmm: string) => new Date(`2026-12-02T${hhmm}:00Z`);

describe('formatHoursSpec and parseHoursSpec', () => {
	it.each([
		[PARIS, 'Mon-Fri 07:00-22:00 Europe/Paris'],
		[{ ...PARIS, days: [1, 2, 3, 4, 5, 6, 7] }, 'Mon-Sun 07:00-22:00 Europe/Paris'],
		[{ ...PARIS, days: [1, 3, 5] }, 'Mon,Wed,Fri 07:00-22:00 Europe/Paris'],
		[{ ...PARIS, days: [1, 2, 6, 7] }, 'Mon,Tue,Sat,Sun 07:00-22:00 Europe/Paris'],
		[{ ...PARIS, days: [] }, 'none 07:00-22:00 Europe/Paris']
	])('writes %j as "%s" and reads it back', (hours, text) => {
		expect(formatHoursSpec(hours)).toBe(text);
		expect(parseHoursSpec(text)).toEqual(hours);
	});

	it.each([
		['Mon-Fri 07:00-22:00', 'must read like'],
		['Mon-Fry 07:00-22:00 UTC', 'is not a day'],
		['Mon-Fri 22:00-07:00 UTC', 'must start before they end'],
		['Mon-Fri 07:00-22:00 Mars/Base', 'IANA time zone']
	])('refuses "%s", saying why', (text, why) => {
		expect(parseHoursSpec(text)).toContain(why);
	});
});

describe('evidenceQuery', () => {
	const alert = { tenant: 'acme', windowStart: T('10:00'), windowEnd: T('10:15') };
	const read = (q: string) => EventFilterSchema.parse(filterParams(new URLSearchParams(q)));

	it.each([
		['brute_force_ip', ['ip'], ['203.0.113.9'], { kind: ['failed_sign_in'], ip: '203.0.113.9', f: [] }],
		['account_brute_force', ['account'], ['ann@example.com'], { kind: ['failed_sign_in'], f: ['account:eq:ann@example.com'] }],
		['success_after_failures', ['ip'], ['2001:db8::1'], { kind: ['sign_in', 'failed_sign_in'], ip: '2001:db8::1' }],
		['privilege_escalation', ['actor', 'target'], ['u-1', 'user:u-2'], { kind: ['privilege_change'], actor: 'u-1', target_type: 'user', target_id: 'u-2' }],
		['new_country', ['account', 'country'], ['ann@example.com', 'VN'], { kind: ['sign_in'], f: ['account:eq:ann@example.com', 'country:eq:VN'] }]
	] as const)('selects what %s counted: its kinds, its group and the window, as the timeline reads them', (id, fields, values, expected) => {
		const q = evidenceQuery(builtinRule(id)!, { ...alert, groupFields: fields, groupValues: values }, PARIS);
		expect(read(q)).toMatchObject({ tenant: 'acme', from: T('10:00').toISOString(), to: T('10:15').toISOString(), ...expected });
	});

	it('carries the business hours an off-hours rule judged by, and its own filters', () => {
		const q = read(evidenceQuery(builtinRule('off_hours_access')!, { ...alert, groupFields: ['actor'], groupValues: ['u-9'] }, PARIS));
		expect(q).toMatchObject({ kind: ['sign_in', 'config_change', 'privilege_change'], off_hours: 'Mon-Fri 07:00-22:00 Europe/Paris', f: ['actor_type:ne:service', 'actor_type:ne:bot'], actor: 'u-9' });
	});
});

describe('latenessNote', () => {
	it.each([
		['raised as it happened', T('10:02'), null],
		['raised 14 minutes after', T('10:14'), null],
		['raised 40 minutes after', T('10:40'), 'Happened 40 minutes before this alert was raised: its events were delivered late or imported.'],
		['raised 5 hours after', T('15:00'), 'Happened 5 hours before'],
		['raised 3 days after', new Date('2026-12-05T10:00:00Z'), 'Happened 3 days before']
	])('%s', (_name, createdAt, note) => {
		const got = latenessNote({ createdAt, lastSeen: T('10:00') });
		if (note === null) expect(got).toBeNull();
		else expect(got).toContain(note);
	});
});

describe('groupLabels', () => {
	const names = { actorName: 'Ann Lee', actorEmail: 'ann@example.com', targetName: 'Kim Roe' };
	it('names people by email (else name) and targets by name, and leaves addresses and countries as they are', () => {
		expect(groupLabels(['actor', 'target', 'ip', 'country', 'account'], ['u-1', 'user:u-2', '203.0.113.9', 'VN', 'ann@example.com'], names)).toEqual([
			'ann@example.com',
			'Kim Roe',
			'203.0.113.9',
			'VN',
			'ann@example.com'
		]);
		expect(groupLabels(['actor'], ['svc-1'], { actorName: 'Nightly sync', actorEmail: '', targetName: '' })).toEqual(['Nightly sync']);
	});
});

describe('foldIncidents', () => {
	const alert = (id: string, ruleId: string, severity: Alert['severity'], o: Partial<Alert>): Alert =>
		({ id, ruleId, severity, tenant: 'acme', groupFields: ['ip'], groupValues: ['203.0.113.9'], eventIds: [], windowStart: T('10:00'), windowEnd: T('10:15'), firstSeen: T('10:01'), incidentId: '', ...o }) as Alert;
	const types: Record<string, 'distinct' | 'sequence' | 'threshold' | 'match'> = { spray: 'distinct', after: 'sequence', brute: 'threshold', off: 'match' };
	const o = { typeOf: (id: string) => types[id], cooldownMsOf: () => 60 * 60_000 };

	it('makes a spray lead the brute force and the sign-in after it from the same address', () => {
		const brute = alert('a1', 'brute', 'high', {});
		const spray = alert('a2', 'spray', 'high', {});
		const after = alert('a3', 'after', 'high', { eventIds: ['e9'] });
		const off = alert('a4', 'off', 'medium', { groupFields: ['actor'], groupValues: ['u-7'], eventIds: ['e9'] });
		const leads = foldIncidents([brute, after, off, spray], [], o);
		expect(leads.map((a) => a.id)).toEqual(['a2']);
		expect([brute, after, off].map((a) => a.incidentId)).toEqual(['a2', 'a2', 'a2']);
	});

	it('joins a live incident, and leaves unrelated or distant alerts on their own', () => {
		const live = { ...alert('old', 'brute', 'high', {}), incidentId: 'old' };
		const same = alert('n1', 'spray', 'high', {});
		const other = alert('n2', 'brute', 'high', { groupValues: ['198.51.100.1'] });
		const later = alert('n3', 'brute', 'high', { windowStart: T('12:00'), windowEnd: T('12:15') });
		expect(foldIncidents([same, other, later], [live], o).map((a) => a.id)).toEqual(['n2', 'n3']);
		expect(same.incidentId).toBe('old');
	});

	// The definition, compared pair by pair: what the indexed fold must give on any batch.
	function pairwise(opened: Alert[], leaders: Alert[]): Map<string, string> {
		const related = (l: Alert, a: Alert) => {
			const reach = o.cooldownMsOf();
			if (l.tenant !== a.tenant || a.windowStart.getTime() > l.windowEnd.getTime() + reach || a.windowEnd.getTime() < l.windowStart.getTime() - reach) return false;
			const ips = (x: Alert) => x.groupValues.filter((_, i) => x.groupFields[i] === 'ip');
			return a.eventIds.some((id) => l.eventIds.includes(id)) || ips(a).some((ip) => ips(l).includes(ip));
		};
		const known = [...leaders];
		const out = new Map<string, string>();
		const rank = { critical: 3, high: 2, medium: 1, low: 0 } as Record<string, number>;
		const prec = { distinct: 0, sequence: 1, threshold: 4, match: 5 } as Record<string, number>;
		const order = [...opened].sort((a, b) => rank[b.severity] - rank[a.severity] || prec[types[a.ruleId]] - prec[types[b.ruleId]] || a.firstSeen.getTime() - b.firstSeen.getTime() || a.id.localeCompare(b.id));
		for (const a of order) {
			const lead = known.find((l) => related(l, a));
			out.set(a.id, lead ? lead.incidentId || lead.id : a.id);
			known.push({ ...a, incidentId: out.get(a.id)! });
		}
		return out;
	}

let seed = 7;
	const rnd = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2 ** 31), seed % n);
	const make = (id: string, days: number): Alert => {
		const start = new Date(T('00:00').getTime() + rnd(days * 24 * 60) * 60_000);
		const byIp = rnd(2) === 0;
		return alert(id, Object.keys(types)[rnd(4)], (['low', 'medium', 'high', 'critical'] as const)[rnd(4)], {
			tenant: ['acme', 'globex'][rnd(2)],
			groupFields: byIp ? ['ip'] : ['actor'],
			groupValues: byIp ? [`10.0.0.${rnd(12)}`] : [`u-${rnd(12)}`],
			eventIds: Array.from({ length: rnd(4) }, () => `e${rnd(300)}`),
			windowStart: start,
			windowEnd: new Date(start.getTime() + (1 + rnd(30)) * 60_000),
			firstSeen: new Date(start.getTime() + rnd(60) * 1000)
		});
	};
	const check = (opened: Alert[], leaders: Alert[]) => {
		const expected = pairwise(opened, leaders);
		const leads = foldIncidents(opened, leaders, o);
		expect(new Map(opened.map((a) => [a.id, a.incidentId]))).toEqual(expected);
		expect(leads.map((a) => a.id).sort()).toEqual(opened.filter((a) => expected.get(a.id) === a.id).map((a) => a.id).sort());
		return leads;
	};

	it('gives every alert of a large random batch the incident the pairwise definition gives it', () => {
		const leaders = Array.from({ length: 40 }, (_, i) => ({ ...make(`l${i}`, 10), incidentId: rnd(3) === 0 ? `inc${rnd(5)}` : '' }));
		const opened = Array.from({ length: 1500 }, (_, i) => make(`a${i}`, 10));
		const leads = check(opened, leaders);
		// Not a vacuous batch: some alerts joined an earlier one, some a live leader, some stand alone.
		const joined = opened.filter((a) => a.incidentId !== a.id);
		expect(joined.length).toBeGreaterThan(100);
		expect(joined.some((a) => a.incidentId.startsWith('l') || a.incidentId.startsWith('inc'))).toBe(true);
		expect(leads.length).toBeGreaterThan(100);
	});

	it('finds the same leads for a tick\'s few alerts among a month of live leaders, most of them out of reach', () => {
		for (let round = 0; round < 20; round++) {
			const leaders = Array.from({ length: 3000 }, (_, i) => make(`l${round}-${i}`, 30));
			const opened = Array.from({ length: 6 }, (_, i) => make(`a${round}-${i}`, 30));
			check(opened, leaders);
		}
	});
});
