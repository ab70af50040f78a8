import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { POST } from '../../src/routes/api/v1/import/[format]/+server';
import { runRuleJob } from '../../src/lib/server/alerts/rule-job';
import { createMailer } from '../../src/lib/server/mail/mailer';
import { listAlerts } from '../../src/lib/server/queries/alerts/list-alerts';
import { call, keyWith, ready } from './helpers';

// Public sample data beside the project (never kept in it); sample-based tests skip without it.
const SCENARIOS = fileURLToPath(new URL('../../../shared/samples/panther-analysis/test_scenarios', import.meta.url));
const withSamples = it.skipIf(!existsSync(SCENARIOS));
const logs = (path: string): Record<string, unknown>[] => parse(readFileSync(`${SCENARIOS}/${path}`, 'utf8')).Logs;
const quiet = () => createMailer({ outboxDir: '/nonexistent', from: 'alerts@trailscope.test' });

beforeAll(ready);

describe('detection on a real attack story', () => {
	withSamples("raises the Okta add-administrator story's alerts when it is imported after it happened, and nothing under a threshold", async () => {
		const tenant = 'okta-attack';
		const now = new Date();
		await runRuleJob(now, quiet());
		// The story as an Okta poller would deliver it: its last record five minutes before the import.
		const story = ['legit_login.yml', 'brute_force_logins.yml', 'new-user.yml', 'admin_privs_assigned.yml'].flatMap((f) => logs(`okta-add-administrator/${f}`));
		const times = story.map((r) => Date.parse(String(r.published)));
		const shift = now.getTime() - 5 * 60_000 - Math.max(...times);
		const shifted = story.map((r, i) => ({ ...r, published: new Date(times[i] + shift).toISOString() }));
		const key = await keyWith(['ingest'], tenant);
		expect((await call(POST, '/api/v1/import/okta', { key, body: shifted, params: { format: 'okta' } })).status).toBe(202);

		await runRuleJob(new Date(Date.now() + 1000), quiet());
		// The story's records span days (the legitimate sign-ins come first): its alerts are about the past.
		const alerts = await listAlerts('*', { tenant, since: new Date(now.getTime() - 30 * 86_400_000), limit: 50 });
		const raised = alerts.map((a) => `${a.ruleId} ${a.groupValues.join(' ')}`);
		expect(raised).toContainEqual(expect.stringMatching(/^success_after_failures 194\.88\.246\.242$/));
		expect(raised).toContainEqual(expect.stringMatching(/^privilege_escalation /));
		expect(raised).toContainEqual(expect.stringMatching(/^new_country /));
		// Nine failures from four addresses: under both brute-force thresholds.
		expect(raised.filter((r) => /^(brute_force_ip|account_brute_force) /.test(r))).toEqual([]);
		expect(alerts.find((a) => a.ruleId === 'privilege_escalation')!.severity).toBe('high');
	});
});
