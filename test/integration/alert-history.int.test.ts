import { beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'csv-parse/sync';
import { GET as GET_ALERT } from '../../src/routes/api/v1/alerts/[id]/+server';
import { POST as ACK } from '../../src/routes/api/v1/alerts/[id]/acknowledge/+server';
import { POST as RESOLVE } from '../../src/routes/api/v1/alerts/[id]/resolve/+server';
import { POST as REOPEN } from '../../src/routes/api/v1/alerts/[id]/reopen/+server';
import { POST as COMMENT } from '../../src/routes/api/v1/alerts/[id]/comments/+server';
import { GET as EVENTS } from '../../src/routes/api/v1/events/+server';
import { changeAlertStatus, commentOnAlert } from '../../src/lib/server/alerts/alert-lifecycle';
import { buildMonthlyReport } from '../../src/lib/server/monthly/build-report';
import { alertCsvRows } from '../../src/lib/server/monthly/alert-figures';
import { reportCsvFiles } from '../../src/lib/server/monthly/csv';
import { insertAlerts } from '../../src/lib/server/queries/alerts/insert-alerts';
import type { Alert } from '../../src/lib/server/rules/decide';
import { call, keyWith, ready } from './helpers';

const TENANT = 'history';

/** An open alert as an evaluation stores it. */
function openAlert(id: string, at: Date, o: Partial<Alert> = {}): Alert {
	const values = o.groupValues ?? ['203.0.113.9'];
	return {
		id, tenant: TENANT, ruleId: 'brute_force_ip', ruleName: 'Brute force by IP', severity: 'high', status: 'open', groupFields: ['ip'], groupValues: values,
		groupKey: JSON.stringify(values), count: 12, threshold: 10, windowStart: at, windowEnd: at, firstSeen: at, lastSeen: at, eventIds: [], evidenceCount: 12, groupLabels: values, incidentId: id, evidenceQuery: '', createdAt: at, updatedAt: at,
		statusBy: '', statusComment: '', statusAt: null, version: 1, ...o
	};
}

const history = async (id: string) => (await call(GET_ALERT, `/api/v1/alerts/${id}`, { params: { id } })).json.history as { at: string; by: string; action: string; comment: string | null }[];

beforeAll(async () => {
	await ready();
	const now = new Date();
	await insertAlerts([openAlert('al-hist-1', now), openAlert('al-hist-2', now), openAlert('al-nov', new Date('2026-11-10T14:00:00Z'))]);
});

describe('an alert history', () => {
	it('keeps the acknowledgement comment when the alert is resolved, with who and when of each', async () => {
		const ack = await call(ACK, '/api/v1/alerts/al-hist-1/acknowledge', { body: { comment: 'looking into it' }, params: { id: 'al-hist-1' } });
		expect(ack.status, JSON.stringify(ack.json)).toBe(200);
		expect(ack.json.history).toHaveLength(1);
		const res = await call(RESOLVE, '/api/v1/alerts/al-hist-1/resolve', { body: { comment: 'blocked at the firewall' }, params: { id: 'al-hist-1' } });
		expect(res.json.alert).toMatchObject({ status: 'resolved', status_comment: 'blocked at the firewall' });
		const h = await history('al-hist-1');
		expect(h.map((e) => [e.action, e.comment])).toEqual([
			['acknowledged', 'looking into it'],
			['resolved', 'blocked at the firewall']
		]);
		// An API key acts as itself: its name stands for who.
		expect(h.every((e) => e.by.length > 0 && !Number.isNaN(Date.parse(e.at)))).toBe(true);
		expect(h[0].at <= h[1].at).toBe(true);
	});

	it('takes a comment without a change of status, and refuses an empty one, a read key and an unknown alert', async () => {
		const r = await call(COMMENT, '/api/v1/alerts/al-hist-2/comments', { body: { comment: 'same IP as last week' }, params: { id: 'al-hist-2' } });
		expect(r.status, JSON.stringify(r.json)).toBe(201);
		expect(r.json.history.map((e: { action: string; comment: string }) => [e.action, e.comment])).toEqual([['commented', 'same IP as last week']]);
		const one = await call(GET_ALERT, '/api/v1/alerts/al-hist-2', { params: { id: 'al-hist-2' } });
		expect(one.json.alert.status).toBe('open');
		expect((await call(COMMENT, '/api/v1/alerts/al-hist-2/comments', { body: { comment: '  ' }, params: { id: 'al-hist-2' } })).status).toBe(400);
		expect((await call(COMMENT, '/api/v1/alerts/al-hist-2/comments', { body: {}, params: { id: 'al-hist-2' } })).status).toBe(400);
		const reader = await keyWith(['read']);
		expect((await call(COMMENT, '/api/v1/alerts/al-hist-2/comments', { key: reader, body: { comment: 'x' }, params: { id: 'al-hist-2' } })).status).toBe(403);
		expect((await call(COMMENT, '/api/v1/alerts/al-none/comments', { body: { comment: 'x' }, params: { id: 'al-none' } })).status).toBe(404);
		const other = await keyWith(['read', 'admin'], 'elsewhere');
		expect((await call(COMMENT, '/api/v1/alerts/al-hist-2/comments', { key: other, body: { comment: 'x' }, params: { id: 'al-hist-2' } })).status).toBe(404);
	});

	it('records a reopening, refuses a change the status does not allow, and writes each to the audit trail', async () => {
		const again = await call(REOPEN, '/api/v1/alerts/al-hist-1/reopen', { body: { comment: 'it came back' }, params: { id: 'al-hist-1' } });
		expect(again.json.alert.status).toBe('open');
		expect((await call(REOPEN, '/api/v1/alerts/al-hist-1/reopen', { body: {}, params: { id: 'al-hist-1' } })).status).toBe(409);
		expect((await history('al-hist-1')).map((e) => e.action)).toEqual(['acknowledged', 'resolved', 'reopened']);
		const trail = await call(EVENTS, '/api/v1/events?tenant=trailscope&from=now-1h&f=target_type:eq:alert&limit=100');
		const actions = trail.json.events.filter((e: { target: { id: string } }) => e.target.id.startsWith('al-hist')).map((e: { action: string }) => e.action);
		expect(actions.sort()).toEqual(['alert_acknowledged', 'alert_commented', 'alert_reopened', 'alert_resolved']);
	});
});

describe("the monthly report's alerts CSV", () => {
	it('says who acknowledged and resolved each alert, when, and every comment', async () => {
		const by = (email: string) => ({ id: `u-${email}`, email, type: 'user' as const });
		await changeAlertStatus('*', 'al-nov', 'acknowledged', by('ann@acme.test'), 'on it', {}, new Date('2026-11-10T14:30:00Z'));
		await commentOnAlert('*', 'al-nov', by('bob@acme.test'), 'a pen test, says IT', {}, new Date('2026-11-10T15:00:00Z'));
		await changeAlertStatus('*', 'al-nov', 'resolved', by('bob@acme.test'), 'confirmed, closing', {}, new Date('2026-11-10T16:00:00Z'));
		const built = await buildMonthlyReport(TENANT, '2026-11', new Date('2026-12-02T10:00:00Z'));
		const file = reportCsvFiles(built, alertCsvRows(built.data.alerts)).find((f) => f.filename.startsWith('alerts-'))!;
		const rows = parse(file.content, { bom: true, columns: true }) as Record<string, string>[];
		expect(rows).toHaveLength(1);
		expect(rows[0]).toMatchObject({
			alert_id: 'al-nov',
			status: 'resolved',
			acknowledged_at_utc: '2026-11-10T14:30:00.000Z',
			acknowledged_by: 'ann@acme.test',
			resolved_at_utc: '2026-11-10T16:00:00.000Z',
			resolved_by: 'bob@acme.test'
		});
		expect(rows[0].comments.split('\n')).toEqual([
			'2026-11-10T14:30:00.000Z ann@acme.test (acknowledged): on it',
			'2026-11-10T15:00:00.000Z bob@acme.test (commented): a pen test, says IT',
			'2026-11-10T16:00:00.000Z bob@acme.test (resolved): confirmed, closing'
		]);
	});
});
