import { beforeAll, describe, expect, it } from 'vitest';
import { listApiKeys } from '../../src/lib/server/queries/keys/list-api-keys';
import { principalOfKey, principalOfUser } from '../../src/lib/server/auth/authority';
import { createKeyAudited } from '../../src/lib/server/auth/manage-keys';
import { getUserByEmail } from '../../src/lib/server/queries/users/get-user-by-email';
import type { User } from '../../src/lib/server/auth/users';
import * as keysPage from '../../src/routes/(app)/admin/keys/+page.server';
import * as usersPage from '../../src/routes/(app)/admin/users/+page.server';
import * as settingsPage from '../../src/routes/(app)/admin/settings/+page.server';
import * as rulesPage from '../../src/routes/(app)/rules/+page.server';
import * as ruleApi from '../../src/routes/api/v1/rules/[id]/+server';
import * as evaluateApi from '../../src/routes/api/v1/rules/evaluate/+server';
import * as appLayout from '../../src/routes/(app)/+layout.server';
import { getRule } from '../../src/lib/server/alerts/rule-store';
import { ready } from '../integration/helpers';
import { callAs, person } from './helpers';

// Issue 11, finding 1: an administrator granted only `acme` reached every tenant from its session.
let acmeAdmin: User;
let rootAdmin: User;
beforeAll(async () => {
	await ready();
	acmeAdmin = await person('acme-admin@example.com', 'admin', ['acme']);
	rootAdmin = await person('root-admin@example.com', 'admin', ['*']);
});

describe('a tenant-bound administrator', () => {
	it('cannot create an API key for every tenant, from the page or any other path', async () => {
		const before = (await listApiKeys()).length;
		const page = await callAs(keysPage.actions.create, acmeAdmin, '/admin/keys?/create', { form: { name: 'wide', scopes: 'read', tenant: '' } });
		expect(page.status).toBe(403);
		await expect(createKeyAudited({ name: 'wide', scopes: ['read'], tenant: null }, principalOfUser(acmeAdmin), {})).rejects.toMatchObject({ status: 403 });
		expect((await listApiKeys()).length).toBe(before);
	});

	it('cannot create an administrator of every tenant', async () => {
		const r = await callAs(usersPage.actions.create, acmeAdmin, '/admin/users?/create', { form: { email: 'wide@example.com', name: 'Wide', role: 'admin', tenants: '*' } });
		expect(r.status).toBe(403);
		expect(await getUserByEmail('wide@example.com')).toBeNull();
	});

	it('cannot edit a rule (rules apply to every tenant) through the API session or the page; an all-tenants admin can', async () => {
		const id = 'brute_force_ip';
		const before = (await getRule(id))!;
		const threshold = before.rule.threshold + 7;
		const put = { method: 'PUT', body: { threshold }, params: { id } };
		const bound = await callAs(ruleApi.PUT, acmeAdmin, `/api/v1/rules/${id}`, put);
		expect(bound.status).toBe(403);
		expect(JSON.stringify(bound.json)).toMatch(/every tenant/);
		const form = await callAs(rulesPage.actions.save, acmeAdmin, '/rules?/save', { form: { id, threshold: String(threshold), window_minutes: String(before.rule.windowMinutes) } });
		expect(form.status).toBe(403);
		expect((await callAs(evaluateApi.POST, acmeAdmin, '/api/v1/rules/evaluate', { body: {} })).status).toBe(403);
		expect((await getRule(id))!.version).toBe(before.version);
		const root = await callAs(ruleApi.PUT, rootAdmin, `/api/v1/rules/${id}`, put);
		expect(root.status).toBe(200);
		expect((await getRule(id))!.rule.threshold).toBe(threshold);
	});

	it("cannot read another tenant's settings, nor the instance's; its own tenant's it can", async () => {
		expect((await callAs(settingsPage.load, acmeAdmin, '/admin/settings?tenant=globex')).status).toBe(403);
		const own = (await callAs(settingsPage.load, acmeAdmin, '/admin/settings?tenant=acme')) as { status: number; json: { tenant: string; groups: unknown[] } };
		expect(own.status).toBe(200);
		expect(own.json.tenant).toBe('acme');
		expect(own.json.groups).toEqual([]);
		const saved = await callAs(settingsPage.actions.save, acmeAdmin, '/admin/settings?/save', { form: { tenant: 'globex', timezone: 'UTC', days: ['1'], start: '08:00', end: '18:00' } });
		expect(saved.status).toBe(403);
	});

	it('is offered its tenant settings but not the users and keys pages, and not rule editing', async () => {
		const layout = (await callAs(appLayout.load, acmeAdmin, '/')) as { json: { nav: Record<string, boolean> } };
		expect(layout.json.nav).toMatchObject({ admin: false, settings: true });
		const rules = (await callAs(rulesPage.load, acmeAdmin, '/rules')) as { json: { canEdit: boolean } };
		expect(rules.json.canEdit).toBe(false);
		expect(((await callAs(appLayout.load, rootAdmin, '/')) as { json: { nav: Record<string, boolean> } }).json.nav).toMatchObject({ admin: true, settings: true });
	});
});

describe('the one access check', () => {
	it('holds a key to the same rule as a session: nothing it creates exceeds its tenants', async () => {
		const acmeKey = { id: 'k-acme', name: 'acme admin key', scopes: ['admin' as const], tenant: 'acme' };
		await expect(createKeyAudited({ name: 'wider', scopes: ['read'], tenant: null }, principalOfKey(acmeKey), {})).rejects.toMatchObject({ status: 403 });
		const readOnly = { id: 'k-read', name: 'reader', scopes: ['read' as const], tenant: null };
		await expect(createKeyAudited({ name: 'admin', scopes: ['admin'], tenant: null }, principalOfKey(readOnly), {})).rejects.toMatchObject({ status: 403 });
		const made = await createKeyAudited({ name: 'fine', scopes: ['read'], tenant: 'acme' }, principalOfUser(rootAdmin), {});
		expect(made.key).toMatchObject({ scopes: ['read'], tenant: 'acme' });
	});
});
