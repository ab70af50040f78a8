import { beforeAll, describe, expect, it } from 'vitest';
import { backtestRule } from '../../src/lib/server/alerts/backtest';
import { generateDemoEvents } from '../../src/lib/server/demo/generate';
import { DEMO_INCIDENTS, incidentStart, type IncidentKey } from '../../src/lib/server/demo/incidents';
import { builtinRule } from '../../src/lib/server/rules/builtin';
import { saveTenantSettings } from '../../src/lib/server/tenants/tenant-settings';
import { DEFAULT_TENANT_SETTINGS } from '../../src/lib/schemas/tenant-settings';
import { ready } from './helpers';
import { store } from './rule-events';

const now = new Date('2026-12-02T09:00:00Z');

/** The rules each planted incident must set off, and the group value that names its culprit. */
const EXPECTED: Record<IncidentKey, { rule: string; group: (i: (typeof DEMO_INCIDENTS)[number]) => string }[]> = {
	brute_force: [{ rule: 'brute_force_ip', group: (i) => i.ip! }, { rule: 'account_brute_force', group: (i) => i.actorEmail.toLowerCase() }],
	password_spray: [{ rule: 'password_spraying', group: (i) => i.ip! }, { rule: 'success_after_failures', group: (i) => i.ip! }],
	large_export: [{ rule: 'large_export', group: (i) => i.actorId }],
	export_spree: [{ rule: 'large_export', group: (i) => i.actorId }],
	off_hours_admin: [{ rule: 'off_hours_access', group: (i) => i.actorId }, { rule: 'new_country', group: (i) => i.actorEmail.toLowerCase() }],
	privilege_escalation: [{ rule: 'privilege_escalation', group: () => 'u-1001' }],
	mass_deletion: [{ rule: 'mass_deletion', group: (i) => i.actorId }]
};

beforeAll(async () => {
	await ready();
	const events = generateDemoEvents({ now });
	for (let i = 0; i < events.length; i += 20_000) await store(events.slice(i, i + 20_000), now);
	await saveTenantSettings('default', { ...DEFAULT_TENANT_SETTINGS, businessHours: { ...DEFAULT_TENANT_SETTINGS.businessHours, timezone: 'Europe/Paris' } }, 'test', now);
}, 300_000);

describe('the demo data', () => {
	it.each(DEMO_INCIDENTS.map((i) => [i.key, i] as const))('raises the alerts of the planted incident %s', async (_key, incident) => {
		const start = incidentStart(incident, now);
		for (const { rule, group } of EXPECTED[incident.key]) {
			const r = await backtestRule(builtinRule(rule)!, { tenant: 'default', from: new Date(start.getTime() - 60_000), to: new Date(start.getTime() + 6 * 3600e3), now });
			const culprits = r.groups.map((g) => Object.values(g.group));
			expect(culprits, `${rule} on ${incident.key}`).toContainEqual(expect.arrayContaining([group(incident)]));
		}
	});
});
