import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { render } from 'svelte/server';
import { insertUser, toUser, type User } from '../../src/lib/server/auth/users';
import { insertRuleVersion } from '../../src/lib/server/queries/rules/insert-rule-version';
import { insertSetting } from '../../src/lib/server/queries/settings/insert-setting';
import { listRules } from '../../src/lib/server/alerts/rule-store';
import { load as loadSettings } from '../../src/routes/(app)/admin/settings/+page.server';
import SettingsPage from '../../src/routes/(app)/admin/settings/+page.svelte';
import { load as loadRules } from '../../src/routes/(app)/rules/+page.server';
import RulesPage from '../../src/routes/(app)/rules/+page.svelte';
import { ready } from './helpers';

let admin: User;

beforeAll(async () => {
	await ready();
	admin = toUser(await insertUser({ email: 'root@unreadable.example', name: 'Root', role: 'admin', tenants: ['*'], passwordHash: 'x' }, new Date()));
});
afterEach(() => vi.restoreAllMocks());

/** Calls a page load as SvelteKit would for the signed-in administrator. */
async function open<L extends (e: never) => unknown>(load: L, path: string, parent: object): Promise<Exclude<Awaited<ReturnType<L>>, void>> {
	const event = { url: new URL(`http://localhost${path}`), locals: { user: admin, sessionToken: null }, parent: async () => parent, params: {} };
	return (await load(event as never)) as Exclude<Awaited<ReturnType<L>>, void>;
}

describe('a stored tenant setting that no longer parses', () => {
	it('is logged and shown on the settings page, with the defaults in force for that part only', async () => {
		const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
		const stored = { businessHours: { timezone: 'Mars/Olympus_Mons', days: [1], start: '09:00', end: '17:00' }, reportRecipients: ['ciso@unreadable.example'], alertRecipients: [] };
		await insertSetting('tenant.mars', JSON.stringify(stored), 'a hand edit', new Date());
		const data = await open(loadSettings, '/admin/settings?tenant=mars', { tenant: 'mars', tenants: ['mars'] });
		expect(data.unreadable).toHaveLength(1);
		expect(data.unreadable[0]).toMatch(/^businessHours could not be read \(timezone: must be an IANA time zone.*\); its default is in force$/);
		expect(data.values.timezone).toBe('UTC');
		expect(data.values.reportRecipients).toContain('ciso@unreadable.example');
		expect(warn).toHaveBeenCalledWith(expect.stringMatching(/^settings of tenant mars: businessHours could not be read \(timezone: /));
		const { body } = render(SettingsPage, { props: { data: { ...data, user: admin, tenant: 'mars', tenants: ['mars'] } as never, form: null } });
		expect(body).toContain('The stored settings of mars could not be read in full');
		expect(body).toContain('businessHours could not be read');
	});

	it('says so when the stored text is not JSON at all', async () => {
		vi.spyOn(console, 'warn').mockImplementation(() => {});
		await insertSetting('tenant.venus', '{"businessHours": ', 'a torn write', new Date());
		const data = await open(loadSettings, '/admin/settings?tenant=venus', { tenant: 'venus', tenants: ['venus'] });
		expect(data.unreadable).toEqual([expect.stringMatching(/^the stored settings are not JSON \(.+\); every setting is at its default$/)]);
	});

	it('shows no warning when the settings read cleanly', async () => {
		await insertSetting('tenant.earth', JSON.stringify({ businessHours: { timezone: 'Europe/Paris', days: [1, 2], start: '09:00', end: '17:00' }, reportRecipients: [], alertRecipients: [] }), 'test', new Date());
		const data = await open(loadSettings, '/admin/settings?tenant=earth', { tenant: 'earth', tenants: ['earth'] });
		expect(data.unreadable).toEqual([]);
		expect(data.values.timezone).toBe('Europe/Paris');
	});
});

describe('a stored rule version that no longer parses', () => {
	it('is logged and shown on the rules page, with the built-in definition in force', async () => {
		const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
		const builtin = (await listRules()).find((r) => r.rule.id === 'brute_force_ip')!;
		await insertRuleVersion({ id: 'brute_force_ip', version: builtin.version + 1, definition: JSON.stringify({ threshold: -3 }), updatedAt: new Date(), updatedBy: 'a hand edit' });
		const rules = await listRules();
		const stored = rules.find((r) => r.rule.id === 'brute_force_ip')!;
		expect(stored.rule.threshold).toBe(builtin.rule.threshold);
		expect(stored.unreadable).toMatch(/^threshold: /);
		expect(rules.filter((r) => r.rule.id !== 'brute_force_ip').every((r) => r.unreadable === null)).toBe(true);
		expect(warn).toHaveBeenCalledWith(expect.stringMatching(/^rule brute_force_ip: stored version \d+ could not be read, the built-in definition is in force: threshold: /));

		const data = await open(loadRules, '/rules', { tenant: '', tenants: ['default'] });
		const shown = data.rules.find((r) => r.id === 'brute_force_ip')!;
		expect(shown.unreadable).toBe(stored.unreadable);
		const { body } = render(RulesPage, { props: { data: { ...data, user: admin, tenant: '', tenants: ['default'] } as never, form: null } });
		expect(body).toContain(`The saved version ${stored.version} of this rule could not be read: the built-in definition is in force.`);
	});
});
