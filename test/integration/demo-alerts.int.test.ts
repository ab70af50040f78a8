import { beforeAll, describe, expect, it } from 'vitest';
import { listAlerts } from '../../src/lib/server/queries/alerts/list-alerts';
import { DEMO_INCIDENTS } from '../../src/lib/server/demo/incidents';
import { raiseDemoAlerts, seedDemoIfEmpty } from '../../src/lib/server/startup/seed-demo';
import { ready } from './helpers';

beforeAll(ready);

describe('the demo on a first start', () => {
	it("keeps the demo's 30 days to a handful of incidents, every planted one among them, and Trailscope's start-up quiet", async () => {
		const now = new Date();
		await seedDemoIfEmpty(now);
		await raiseDemoAlerts(now);
		const all = await listAlerts('*', { since: new Date(now.getTime() - 40 * 86_400_000), limit: 500 });
		const leads = all.filter((a) => a.incidentId === a.id && a.tenant === 'default');
		expect(leads.length).toBeGreaterThanOrEqual(DEMO_INCIDENTS.length);
		expect(leads.length).toBeLessThanOrEqual(15);
		expect(all.filter((a) => a.tenant !== 'default')).toEqual([]);
		const seen = (rule: string, value: string) => all.some((a) => a.ruleId === rule && (a.groupValues.includes(value) || a.groupLabels.includes(value)));
		const culprit = (key: string) => DEMO_INCIDENTS.find((i) => i.key === key)!;
		expect(seen('brute_force_ip', culprit('brute_force').ip!)).toBe(true);
		expect(seen('password_spraying', culprit('password_spray').ip!)).toBe(true);
		expect(seen('success_after_failures', culprit('password_spray').ip!)).toBe(true);
		expect(seen('large_export', culprit('large_export').actorId)).toBe(true);
		expect(seen('large_export', culprit('export_spree').actorId)).toBe(true);
		expect(seen('off_hours_access', culprit('off_hours_admin').actorId)).toBe(true);
		expect(seen('new_country', 'VN')).toBe(true);
		const escalation = all.find((a) => a.ruleId === 'privilege_escalation' && a.severity === 'high');
		expect(escalation?.groupValues[1]).toBe(`user:${culprit('privilege_escalation').actorId}`);
		// The mass deletion counts the 90 contacts and the bulk deletion of 120 chat sessions.
		const deletion = all.find((a) => a.ruleId === 'mass_deletion' && a.groupValues[0] === culprit('mass_deletion').actorId);
		expect(deletion?.count).toBe(90 + 120);
	});
});
