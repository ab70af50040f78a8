import { describe, expect, it } from 'vitest';
import { can, PERMISSIONS, ROLES, type Permission, type Role } from '../../src/lib/schemas/roles';
import { parseConfig } from '../../src/lib/server/config';

// The table, written out: who may do what.
const EXPECTED: Record<Role, Permission[]> = {
	admin: Object.keys(PERMISSIONS) as Permission[],
	analyst: ['events:read', 'events:read-all-actors', 'events:export', 'reports:read', 'alerts:read', 'alerts:manage'],
	auditor: ['events:read', 'events:read-all-actors', 'events:export', 'reports:read', 'alerts:read'],
	member: ['events:read']
};

describe('roles', () => {
	it.each(ROLES)('%s has exactly its permissions', (role) => {
		const granted = (Object.keys(PERMISSIONS) as Permission[]).filter((p) => can(role, p));
		expect(granted.sort()).toEqual([...EXPECTED[role]].sort());
	});

	it('keeps administration to administrators', () => {
		for (const p of ['users:manage', 'keys:manage', 'settings:manage'] as const) expect(ROLES.filter((r) => can(r, p))).toEqual(['admin']);
	});
});

describe('account configuration', () => {
	it('needs ADMIN_EMAIL and ADMIN_PASSWORD together', () => {
		expect(() => parseConfig({ ADMIN_EMAIL: 'a@b.example' })).toThrow(/ADMIN_PASSWORD/);
		expect(() => parseConfig({ ADMIN_PASSWORD: 'a long enough password' })).toThrow(/ADMIN_EMAIL/);
		expect(parseConfig({ ADMIN_EMAIL: 'a@b.example', ADMIN_PASSWORD: 'a long enough password' }).admin.email).toBe('a@b.example');
	});

	it('marks cookies Secure when the app is served over https', () => {
		expect(parseConfig({ APP_URL: 'https://audit.example.com' }).secureCookies).toBe(true);
		expect(parseConfig({}).secureCookies).toBe(false);
	});
});
