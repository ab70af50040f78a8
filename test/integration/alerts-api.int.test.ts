import { beforeAll, describe, expect, it } from 'vitest';
import { POST as INGEST, GET as EVENTS } from '../../src/routes/api/v1/events/+server';
import { GET as LIST_ALERTS } from '../../src/routes/api/v1/alerts/+server';
import { GET as GET_ALERT } from '../../src/routes/api/v1/alerts/[id]/+server';
import { POST as ACK } from '../../src/routes/api/v1/alerts/[id]/acknowledge/+server';
import { POST as RESOLVE } from '../../src/routes/api/v1/alerts/[id]/resolve/+server';
import { GET as LIST_RULES } from '../../src/routes/api/v1/rules/+server';
import { PUT as EDIT_RULE } from '../../src/routes/api/v1/rules/[id]/+server';
import { POST as BACKTEST } from '../../src/routes/api/v1/rules/[id]/backtest/+server';
import { POST as EVALUATE } from '../../src/routes/api/v1/rules/evaluate/+server';
import { call, keyWith, ready } from './helpers';

const TENANT = 'alerts-api';
const ago = (min: number) => new Date(Date.now() - min * 60_000).toISOString();
// Twelve failed sign-ins from one address within six minutes: the brute force rule's 10 in 15 minutes.
const attack = (tenant: string, ip: string) =>
	Array.from({ length: 12 }, (_, i) => ({ tenant, occurred_at: ago(10 - i * 0.5), action: 'login_failed', outcome: 'failure', actor: { id: `victim-${i % 2}` }, ip }));

let alertId = '';

beforeAll(async () => {
	await ready();
	expect((await call(INGEST, '/api/v1/events', { body: [...attack(TENANT, '203.0.113.66'), ...attack('alerts-other', '198.51.100.66')] })).status).toBe(202);
	const r = await call(EVALUATE, '/api/v1/rules/evaluate', { body: { since: 'now-30m' } });
	expect(r.status, JSON.stringify(r.json)).toBe(200);
	expect(r.json.errors).toEqual([]);
});

describe('the alerts API', () => {
	it('lists the alert the evaluation raised, with its group, count and evidence ids', async () => {
		const r = await call(LIST_ALERTS, `/api/v1/alerts?tenant=${TENANT}&rule_id=brute_force_ip`);
		expect(r.status).toBe(200);
		expect(r.json.alerts).toHaveLength(1);
		const a = r.json.alerts[0];
		expect(a).toMatchObject({ tenant: TENANT, rule_id: 'brute_force_ip', severity: 'high', status: 'open', group: { ip: '203.0.113.66' }, count: 12, threshold: 10 });
		expect(a.event_ids).toHaveLength(12);
		alertId = a.id;
	});

	it('answers one alert with its evidence events, and 404 for an alert of a tenant the key lacks', async () => {
		const r = await call(GET_ALERT, `/api/v1/alerts/${alertId}`, { params: { id: alertId } });
		expect(r.status).toBe(200);
		expect(r.json.events.map((e: { ip: string }) => e.ip)).toEqual(Array(12).fill('203.0.113.66'));
		const other = await keyWith(['read'], 'alerts-other');
		expect((await call(GET_ALERT, `/api/v1/alerts/${alertId}`, { key: other, params: { id: alertId } })).status).toBe(404);
		const theirs = await call(LIST_ALERTS, '/api/v1/alerts', { key: other });
		expect(theirs.json.alerts.every((x: { tenant: string }) => x.tenant === 'alerts-other')).toBe(true);
	});

	it('evaluating the same windows again raises nothing twice', async () => {
		const r = await call(EVALUATE, '/api/v1/rules/evaluate', { body: { since: 'now-30m' } });
		expect(r.status).toBe(200);
		const list = await call(LIST_ALERTS, `/api/v1/alerts?tenant=${TENANT}&rule_id=brute_force_ip`);
		expect(list.json.alerts.map((x: { id: string }) => x.id)).toEqual([alertId]);
	});

	it('acknowledges then resolves with a comment, refuses a read key, and records both in the audit trail', async () => {
		const reader = await keyWith(['read']);
		expect((await call(ACK, `/api/v1/alerts/${alertId}/acknowledge`, { key: reader, body: {}, params: { id: alertId } })).status).toBe(403);
		const ack = await call(ACK, `/api/v1/alerts/${alertId}/acknowledge`, { body: { comment: 'looking into it' }, params: { id: alertId } });
		expect(ack.status, JSON.stringify(ack.json)).toBe(200);
		expect(ack.json.alert).toMatchObject({ status: 'acknowledged', status_comment: 'looking into it' });
		const res = await call(RESOLVE, `/api/v1/alerts/${alertId}/resolve`, { body: { comment: 'blocked at the firewall' }, params: { id: alertId } });
		expect(res.json.alert.status).toBe('resolved');
		const open = await call(LIST_ALERTS, `/api/v1/alerts?tenant=${TENANT}&status=open,acknowledged`);
		expect(open.json.alerts.map((x: { id: string }) => x.id)).not.toContain(alertId);
		const trail = await call(EVENTS, `/api/v1/events?tenant=trailscope&from=now-1h&action=alert_acknowledged,alert_resolved&limit=100`);
		const mine = trail.json.events.filter((e: { target: { id: string } | null }) => e.target?.id === alertId);
		expect(mine.map((e: { action: string }) => e.action).sort()).toEqual(['alert_acknowledged', 'alert_resolved']);
	});
});

describe('the rules API', () => {
	it('lists the ten built-in rules', async () => {
		const r = await call(LIST_RULES, '/api/v1/rules');
		expect(r.status).toBe(200);
		expect(r.json.rules.map((x: { id: string }) => x.id).sort()).toEqual(
			['account_brute_force', 'brute_force_ip', 'large_export', 'mass_deletion', 'new_country', 'off_hours_access', 'password_spraying', 'privilege_escalation', 'success_after_failures', 'unusual_export_volume'].sort()
		);
	});

	it('refuses a bad edit naming the field, and an edit by a key without admin', async () => {
		const bad = await call(EDIT_RULE, '/api/v1/rules/brute_force_ip', { method: 'PUT', body: { threshold: 0 }, params: { id: 'brute_force_ip' } });
		expect(bad.status).toBe(400);
		expect(JSON.stringify(bad.json)).toMatch(/threshold/);
		const reader = await keyWith(['read']);
		expect((await call(EDIT_RULE, '/api/v1/rules/brute_force_ip', { method: 'PUT', key: reader, body: { threshold: 20 }, params: { id: 'brute_force_ip' } })).status).toBe(403);
	});

	it('backtests a rule with edited values, raising nothing', async () => {
		const asIs = await call(BACKTEST, '/api/v1/rules/brute_force_ip/backtest', { body: { days: 1, tenant: TENANT }, params: { id: 'brute_force_ip' } });
		expect(asIs.status, JSON.stringify(asIs.json)).toBe(200);
		expect(asIs.json.groups.map((g: { group: { ip: string } }) => g.group.ip)).toEqual(['203.0.113.66']);
		const stricter = await call(BACKTEST, '/api/v1/rules/brute_force_ip/backtest', { body: { days: 1, tenant: TENANT, rule: { threshold: 13 } }, params: { id: 'brute_force_ip' } });
		expect(stricter.json.alerts).toBe(0);
		const bad = await call(BACKTEST, '/api/v1/rules/brute_force_ip/backtest', { body: { days: 400, tenant: TENANT }, params: { id: 'brute_force_ip' } });
		expect(bad.status).toBe(400);
		const list = await call(LIST_ALERTS, `/api/v1/alerts?tenant=${TENANT}&rule_id=brute_force_ip&status=open,acknowledged,resolved`);
		expect(list.json.alerts).toHaveLength(1);
	});
});
