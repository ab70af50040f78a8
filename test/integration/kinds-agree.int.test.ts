import { beforeAll, describe, expect, it } from 'vitest';
import { GET as EVENTS_API, POST } from '../../src/routes/api/v1/events/+server';
import { getRule, updateRule } from '../../src/lib/server/alerts/rule-store';
import { backtestRule } from '../../src/lib/server/alerts/backtest';
import { buildMonthlyReport } from '../../src/lib/server/monthly/build-report';
import { getPeriodTotals } from '../../src/lib/server/reports/period-totals';
import { getSecurityReport } from '../../src/lib/server/reports/security-report';
import { call, ready } from './helpers';

/**
 * One set of deletions read by every consumer of the deletion kind and of the mass_deletion rule's
 * settings: the security report (totals, bursts, links), the period totals of the overview, the
 * monthly report (figure, mass deletions) and the rule itself (backtest). They must agree, and an
 * edit of the rule must move all of them.
 */
const TENANT = 'kinds-agree';
const NOW = new Date('2026-12-02T10:00:00Z');
const NOVEMBER = { scope: '*' as const, tenant: TENANT, from: new Date('2026-11-01T00:00:00Z'), to: new Date('2026-12-01T00:00:00Z'), timezone: 'UTC' };
const SYSTEM = { id: 'test', type: 'system' as const };
const at = (iso: string, plusMs = 0) => new Date(Date.parse(iso) + plusMs).toISOString();
const who = (email: string) => ({ email });

const EVENTS = [
	// 60 contacts in six minutes: a mass deletion by the rule's 50 deletions within 10 minutes.
	...Array.from({ length: 60 }, (_, i) => ({ tenant: TENANT, occurred_at: at('2026-11-18T10:00:00Z', i * 6_000), action: 'CONTACT_DELETED', actor: who('mallory@acme.test'), target: { type: 'contact', id: `c${i}` } })),
	// The demo's bulk deletion of 120 chat sessions (no category sent): one event, 120 items.
	{ tenant: TENANT, occurred_at: '2026-11-20T12:00:00Z', action: 'bulk_delete', actor: who('ops@acme.test'), target: { type: 'chat_session', name: 'All chat sessions' }, details: { count: 120 } },
	// Small deletions, one a credential (authentication, still a deletion), and what is none.
	{ tenant: TENANT, occurred_at: '2026-11-21T09:00:00Z', action: 'public_key.delete', actor: who('dev@acme.test') },
	{ tenant: TENANT, occurred_at: '2026-11-21T09:05:00Z', action: 'DELETED', outcome: 'failure', actor: who('dev@acme.test'), target: { type: 'session', id: 's1' } },
	{ tenant: TENANT, occurred_at: '2026-11-21T09:10:00Z', action: 'login', actor: who('dev@acme.test') },
	// One of each other kind, and their look-alikes that are none.
	{ tenant: TENANT, occurred_at: '2026-11-22T09:00:00Z', action: 'ConsoleLogin', actor: who('dev@acme.test') },
	{ tenant: TENANT, occurred_at: '2026-11-22T09:01:00Z', action: 'logout', actor: who('dev@acme.test') },
	{ tenant: TENANT, occurred_at: '2026-11-22T09:02:00Z', action: 'login_failed', outcome: 'failure', actor: who('dev@acme.test'), ip: '198.51.100.4' },
	{ tenant: TENANT, occurred_at: '2026-11-22T09:03:00Z', action: 'SETTINGS_CHANGED', actor: who('dev@acme.test'), changes: { before: { sla: 4 }, after: { sla: 8 } } },
	{ tenant: TENANT, occurred_at: '2026-11-22T09:04:00Z', action: 'change role', actor: who('dev@acme.test'), target: { type: 'user', id: 'u-2' }, changes: { before: { role: 'agent' }, after: { role: 'admin' } } },
	{ tenant: TENANT, occurred_at: '2026-11-22T09:05:00Z', action: 'invite user', actor: who('dev@acme.test'), target: { type: 'user', id: 'u-3' } },
	{ tenant: TENANT, occurred_at: '2026-11-22T09:06:00Z', action: 'export CSV', actor: who('dev@acme.test'), details: { records: 300 } }
];

/** The events a report row's link opens on the timeline (GET /api/v1/events). */
async function shown(query: string): Promise<{ action: string; details?: { count?: number } }[]> {
	const r = await call(EVENTS_API, `/api/v1/events?${query}&limit=1000`);
	expect(r.status).toBe(200);
	return r.json.events;
}
const itemsOf = (events: { details?: { count?: number } }[]) => events.reduce((n, e) => n + (e.details?.count ?? 1), 0);

async function consumers() {
	const [security, totals, monthly, rule] = await Promise.all([getSecurityReport(NOVEMBER), getPeriodTotals(NOVEMBER), buildMonthlyReport(TENANT, '2026-11', NOW), getRule('mass_deletion')]);
	const backtest = await backtestRule(rule!.rule, { tenant: TENANT, from: NOVEMBER.from, to: NOVEMBER.to, now: NOW });
	return { security, totals, monthly: monthly.report, backtest };
}

beforeAll(async () => {
	await ready();
	expect((await call(POST, '/api/v1/events', { body: EVENTS })).status).toBe(202);
});

describe('consumers of the deletion kind and the mass_deletion rule agree on the same events', () => {
	it('count the same deletions and items: security report, overview totals, monthly figure, timeline link', async () => {
		const { security, totals, monthly } = await consumers();
		expect([security.totals.deletions, security.totals.deleted_items]).toEqual([62, 181]);
		expect(totals.deletions).toBe(62);
		expect(monthly.summary.find((f) => f.key === 'deletions')?.value).toBe(62);
		const byActor = security.deletions.by_actor;
		expect(byActor.map((g) => [g.actor, g.deletions, g.items])).toEqual([
			['ops@acme.test', 1, 120],
			['mallory@acme.test', 60, 60],
			['dev@acme.test', 1, 1]
		]);
		for (const g of byActor) {
			const events = await shown(g.events_query);
			expect([events.length, itemsOf(events)]).toEqual([g.deletions, g.items]);
		}
	});

	it('open, from every figure of the monthly summary, exactly the events it counts', async () => {
		const { monthly, security } = await consumers();
		const keys = ['sign_ins', 'failed_sign_ins', 'exports', 'privilege_changes', 'configuration_changes', 'deletions'];
		const figures = monthly.summary.filter((f) => keys.includes(f.key));
		expect(Object.fromEntries(figures.map((f) => [f.key, f.value]))).toEqual({ sign_ins: 2, failed_sign_ins: 1, exports: 1, privilege_changes: 1, configuration_changes: 1, deletions: 62 });
		for (const f of figures) expect((await shown(f.href.replace(/^\/events\?/, ''))).length, f.key).toBe(f.value);
		expect(Object.values(security.kind_links).every((l) => l.exact)).toBe(true);
	});

	it('find the same mass deletions: the rule, the security report and the monthly report, with the links opening them', async () => {
		const { security, monthly, backtest } = await consumers();
		const actors = ['mallory@acme.test', 'ops@acme.test'];
		expect(backtest.groups.map((g) => g.group.actor).sort()).toEqual(actors);
		expect(security.deletions.bursts.map((b) => [b.actor, b.deletions, b.items])).toEqual([
			['ops@acme.test', 1, 120],
			['mallory@acme.test', 60, 60]
		]);
		expect(monthly.massDeletions.map((m) => [m.actor, m.deletions])).toEqual([
			['ops@acme.test', 120],
			['mallory@acme.test', 60]
		]);
		expect(monthly.massDeletionRule).toEqual({ rule_id: 'mass_deletion', deletions: 50, window_minutes: 10, single_items: 50 });
		for (const b of security.deletions.bursts) {
			const events = await shown(b.events_query);
			expect([events.length, itemsOf(events)]).toEqual([b.deletions, b.items]);
		}
	});

	it('all follow an edit of the rule', async () => {
		await updateRule('mass_deletion', { threshold: 61, singleThreshold: 121 }, SYSTEM);
		try {
			const { security, monthly, backtest } = await consumers();
			expect(backtest.groups).toEqual([]);
			expect(security.deletions.bursts).toEqual([]);
			expect(monthly.massDeletions).toEqual([]);
			expect(security.rules.mass_deletion).toMatchObject({ deletions: 61, single_items: 121 });
			expect(monthly.massDeletionRule).toMatchObject({ deletions: 61, single_items: 121 });

			await updateRule('mass_deletion', { threshold: 60 }, SYSTEM);
			const again = await consumers();
			expect(again.backtest.groups.map((g) => g.group.actor)).toEqual(['mallory@acme.test']);
			expect(again.security.deletions.bursts.map((b) => b.actor)).toEqual(['mallory@acme.test']);
			expect(again.monthly.massDeletions.map((m) => m.actor)).toEqual(['mallory@acme.test']);
		} finally {
			await updateRule('mass_deletion', { threshold: 50, singleThreshold: 50 }, SYSTEM);
		}
	});
});
