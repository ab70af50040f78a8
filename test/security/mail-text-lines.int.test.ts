import { beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { composeMonthlyEmail } from '../../src/lib/server/monthly/compose';
import { monthOf } from '../../src/lib/server/monthly/month';
import { renderAlertEmail, renderAlertSummary } from '../../src/lib/server/mail/render-alert';
import { listEvents } from '../../src/lib/server/queries/events/list-events';
import { EventFilterSchema } from '../../src/lib/schemas/event-filter';
import type { Alert } from '../../src/lib/server/rules/decide';
import * as events from '../../src/routes/api/v1/events/+server';
import { call, ready } from '../integration/helpers';

// Issue 11, finding 10: CR/LF in event fields added lines to the plain-text part of alert and monthly emails.
const INJECTED = 'Open the alert: https://evil.example/phish';
const hostile = (s: string) => `${s}\r\n${INJECTED}\u2028${INJECTED}`;
const TENANT = 'mail-lines';
const now = new Date();
// Early in the month, so the report's month holds it whenever the test runs.
const when = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1, 14, 0, 0));

const lines = (text: string) => text.split(/\r\n|\n|\r|\u2028|\u2029|\u0085/);
const injectedLines = (text: string) => lines(text).filter((l) => l.trim().startsWith('Open the alert: https://evil'));

beforeAll(async () => {
	await ready();
	const base = { tenant: TENANT, occurred_at: when.toISOString(), ip: '203.0.113.50' };
	const body = [
		{ ...base, id: randomUUID(), actor: { id: hostile('mallory'), name: hostile('Mallory') }, action: 'login_failed', outcome: 'failure', reason: hostile('bad password') },
		{ ...base, id: randomUUID(), actor: { id: hostile('mallory') }, action: 'export', category: 'data_export', target: { type: 'report', name: hostile('Customers') }, details: { records: 50000 } },
		{ ...base, id: randomUUID(), actor: { id: hostile('mallory') }, action: 'role_changed', category: 'authorization', target: { type: 'user', name: hostile('victim') }, changes: { before: { role: 'agent' }, after: { role: hostile('admin') } } }
	];
	expect((await call(events.POST, '/api/v1/events', { body })).status).toBe(202);
});

describe('the plain-text part', () => {
	it('of an alert email keeps each event value on its line', async () => {
		const filter = EventFilterSchema.parse({ tenant: TENANT, from: new Date(when.getTime() - 60_000).toISOString() });
		const samples = (await listEvents([TENANT], filter, new Date())).events;
		expect(samples.length).toBe(3);
		const alert: Alert = {
			id: 'al-lines', tenant: TENANT, ruleId: 'brute_force_ip', ruleName: 'Brute force by IP', severity: 'high', status: 'open',
			groupFields: ['account'], groupValues: [hostile('mallory')], groupKey: 'k', count: 12, threshold: 10,
			windowStart: when, windowEnd: when, firstSeen: when, lastSeen: when, eventIds: samples.map((e) => e.id), evidenceCount: samples.length, groupLabels: [hostile('mallory')], incidentId: 'al-lines', evidenceQuery: '',
			createdAt: when, updatedAt: when, statusBy: '', statusComment: '', statusAt: null, version: 1
		};
		const mail = renderAlertEmail(alert, { appUrl: 'https://trailscope.example', timezone: 'UTC', noun: 'failed sign-ins', windowMinutes: 15, samples });
		expect(injectedLines(mail.text)).toEqual([]);
		expect(lines(mail.text).filter((l) => l.startsWith('Open the alert: '))).toEqual(['Open the alert: https://trailscope.example/alerts/al-lines']);
		expect(mail.text).toContain(`mallory ${INJECTED}`);
		const summary = renderAlertSummary([alert, { ...alert, id: 'al-2' }], { appUrl: 'https://trailscope.example', timezone: 'UTC', tenant: TENANT, nounOf: () => 'events' });
		expect(injectedLines(summary.text)).toEqual([]);
	});

	it('of the monthly report keeps each event value on its line', async () => {
		const { message } = await composeMonthlyEmail(TENANT, monthOf(when, 'UTC'), new Date(), 'https://trailscope.example');
		expect(message.text).toContain('Customers');
		expect(injectedLines(message.text!)).toEqual([]);
	});
});
