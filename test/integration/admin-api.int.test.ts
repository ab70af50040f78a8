import { beforeAll, describe, expect, it } from 'vitest';
import { GET as LIST_USERS, POST as CREATE_USER } from '../../src/routes/api/v1/users/+server';
import { PATCH as PATCH_USER } from '../../src/routes/api/v1/users/[id]/+server';
import { GET as LIST_KEYS, POST as CREATE_KEY } from '../../src/routes/api/v1/keys/+server';
import { DELETE as REVOKE_KEY } from '../../src/routes/api/v1/keys/[id]/+server';
import { GET as EVENTS } from '../../src/routes/api/v1/events/+server';
import { getConfig } from '../../src/lib/server/config';
import { verifyPassword } from '../../src/lib/server/auth/passwords';
import { createSession, resumeSession } from '../../src/lib/server/auth/sessions';
import { getUserByEmail } from '../../src/lib/server/queries/users/get-user-by-email';
import { insertUser, toUser, type User } from '../../src/lib/server/auth/users';
import type { Role } from '../../src/lib/schemas/roles';
import * as usersPage from '../../src/routes/(app)/admin/users/+page.server';
import * as keysPage from '../../src/routes/(app)/admin/keys/+page.server';
import * as settingsPage from '../../src/routes/(app)/admin/settings/+page.server';
import { call, keyWith, ready } from './helpers';

const IP = '198.51.100.23';
const UA = 'provisioning-script/1.0';
type Handler = (event: { request: Request; url: URL; params: Record<string, string> }) => Promise<Response>;
/** The route as SvelteKit calls it, with the client address the helper leaves out. */
const routed = (h: unknown): Handler => (e) => (h as Handler)({ ...e, getClientAddress: () => IP } as never);
type Opts = Parameters<typeof call>[2];
const api = (h: unknown, path: string, opts: Opts = {}) => call(routed(h), path, { ...opts, headers: { 'user-agent': UA, ...opts?.headers } });

interface AuditEvent {
	tenant: string;
	source: string;
	action: string;
	actor: { id: string; name: string | null; type: string };
	target: { type: string; id: string; name: string | null };
	ip: string | null;
	user_agent: string | null;
	changes: { before?: Record<string, unknown> | null; after?: Record<string, unknown> | null } | null;
}

const SECRET_FIELDS = /password_hash|secret|hash/i;

/** Trailscope's own events about one target, read back through the public API like anyone would. */
async function audit(action: string, targetId: string): Promise<AuditEvent[]> {
	const r = await call(EVENTS, `/api/v1/events?tenant=trailscope&from=now-1h&limit=100&action=${action}&target_id=${encodeURIComponent(targetId)}`);
	expect(r.status, JSON.stringify(r.json)).toBe(200);
	const events = r.json.events as AuditEvent[];
	for (const e of events) {
		expect(e).toMatchObject({ tenant: 'trailscope', source: 'trailscope', ip: IP, user_agent: UA });
		expect(JSON.stringify(e)).not.toMatch(/scrypt\$/);
		for (const side of [e.changes?.before, e.changes?.after]) for (const k of Object.keys(side ?? {})) expect(k).not.toMatch(SECRET_FIELDS);
		expect(Object.keys(e.changes?.after ?? {})).not.toContain('password');
	}
	return events;
}

const adminEmail = () => getConfig().admin.email ?? 'admin@localhost';
const byAdminKey = { id: 'env:INGEST_API_KEY', name: 'INGEST_API_KEY', type: 'api_key' };

beforeAll(ready);

describe('admin API access', () => {
	const endpoints: [string, unknown, string, string, object?][] = [
		['GET /users', LIST_USERS, '/api/v1/users', 'GET'],
		['POST /users', CREATE_USER, '/api/v1/users', 'POST', { email: 'x@example.com', name: 'X', role: 'member', tenants: ['*'] }],
		['PATCH /users/{id}', PATCH_USER, '/api/v1/users/nope', 'PATCH', { name: 'Y' }],
		['GET /keys', LIST_KEYS, '/api/v1/keys', 'GET'],
		['POST /keys', CREATE_KEY, '/api/v1/keys', 'POST', { name: 'k', scopes: ['read'] }],
		['DELETE /keys/{id}', REVOKE_KEY, '/api/v1/keys/nope', 'DELETE']
	];

	it.each(endpoints)('%s answers 401 without a key, 403 for a key without admin scope or bound to a tenant', async (_n, h, path, method, body) => {
		const params = { id: 'nope' };
		expect((await api(h, path, { method, body, params, key: null })).status).toBe(401);
		expect((await api(h, path, { method, body, params, key: 'tsk_unknown' })).status).toBe(401);
		const reader = await api(h, path, { method, body, params, key: await keyWith(['ingest', 'read']) });
		expect(reader.status).toBe(403);
		expect(reader.json.error.message).toMatch(/admin/);
		const bound = await api(h, path, { method, body, params, key: await keyWith(['admin'], 'acme') });
		expect(bound.status).toBe(403);
		expect(bound.json.error.message).toMatch(/bound to the tenant "acme"/);
		expect((await api(LIST_USERS, '/api/v1/users')).json.users.map((u: { email: string }) => u.email)).not.toContain('x@example.com');
	});
});

describe('users through the API', () => {
	it('keeps the last active administrator: no demotion, no deactivation (409 naming the field)', async () => {
		const users = (await api(LIST_USERS, '/api/v1/users')).json.users as { id: string; email: string; role: string; active: boolean }[];
		const admins = users.filter((u) => u.role === 'admin' && u.active);
		expect(admins.map((u) => u.email)).toEqual([adminEmail()]);
		const id = admins[0].id;
		const demote = await api(PATCH_USER, `/api/v1/users/${id}`, { method: 'PATCH', params: { id }, body: { role: 'analyst' } });
		expect(demote.status).toBe(409);
		expect(demote.json.error).toMatchObject({ field: 'role', message: expect.stringMatching(/administrator must remain/) });
		const deactivate = await api(PATCH_USER, `/api/v1/users/${id}`, { method: 'PATCH', params: { id }, body: { active: false } });
		expect(deactivate.status).toBe(409);
		expect(deactivate.json.error.field).toBe('active');
		const still = (await getUserByEmail(adminEmail()))!;
		expect(still).toMatchObject({ role: 'admin', active: true });
	});

	it('creates a user with a chosen password, lists users without any hash, and records it', async () => {
		const r = await api(CREATE_USER, '/api/v1/users', { body: { email: 'Ana@Example.com', name: 'Ana Lyst', role: 'analyst', tenants: ['acme', 'globex'], password: 'correct horse battery' } });
		expect(r.status, JSON.stringify(r.json)).toBe(201);
		expect(r.json.generated_password).toBeUndefined();
		expect(r.json.user).toMatchObject({ email: 'ana@example.com', name: 'Ana Lyst', role: 'analyst', tenants: ['acme', 'globex'], active: true });
		expect(r.json.user).not.toHaveProperty('password_hash');
		expect(r.headers.get('location')).toBe(`/api/v1/users/${r.json.user.id}`);

		const list = await api(LIST_USERS, '/api/v1/users');
		expect(list.status).toBe(200);
		expect(list.json.users.map((u: { email: string }) => u.email)).toContain('ana@example.com');
		for (const u of list.json.users) expect(u).not.toHaveProperty('password_hash');
		expect(JSON.stringify(list.json)).not.toMatch(/scrypt/);

		const [created] = await audit('user_created', r.json.user.id);
		expect(created.actor).toMatchObject(byAdminKey);
		expect(created.changes).toEqual({ before: null, after: { email: 'ana@example.com', name: 'Ana Lyst', role: 'analyst', tenants: ['acme', 'globex'], active: true } });
		expect(JSON.stringify(created)).not.toContain('correct horse battery');
	});

	it('generates a password when none is given and answers it once; ["*"] grants every tenant', async () => {
		const r = await api(CREATE_USER, '/api/v1/users', { body: { email: 'gen@example.com', name: 'Gen', role: 'auditor', tenants: ['*'] } });
		expect(r.status).toBe(201);
		expect(r.json.generated_password).toEqual(expect.any(String));
		expect(r.json.generated_password.length).toBeGreaterThanOrEqual(12);
		expect(r.json.user.tenants).toEqual(['*']);
		const stored = (await getUserByEmail('gen@example.com'))!;
		expect(await verifyPassword(r.json.generated_password, stored.password_hash)).toBe(true);
		const [created] = await audit('user_created', r.json.user.id);
		expect(JSON.stringify(created)).not.toContain(r.json.generated_password);
	});

	it('refuses a second user with the same email, whatever its case (409 on email)', async () => {
		const body = { email: 'dup@example.com', name: 'Dup', role: 'member', tenants: ['acme'] };
		expect((await api(CREATE_USER, '/api/v1/users', { body })).status).toBe(201);
		const again = await api(CREATE_USER, '/api/v1/users', { body: { ...body, email: 'DUP@example.com' } });
		expect(again.status).toBe(409);
		expect(again.json.error).toMatchObject({ field: 'email', message: expect.stringMatching(/already exists/) });
		const list = (await api(LIST_USERS, '/api/v1/users')).json.users as { email: string }[];
		expect(list.filter((u) => u.email === 'dup@example.com')).toHaveLength(1);
	});

	const good = { email: 'bad@example.com', name: 'Bad', role: 'member', tenants: ['acme'] };
	const invalid: [string, unknown, string][] = [
		['an email that is not one', { ...good, email: 'nope' }, 'email'],
		['an empty name', { ...good, name: '  ' }, 'name'],
		['an unknown role', { ...good, role: 'root' }, 'role'],
		['no tenants', { ...good, tenants: [] }, 'tenants'],
		['a tenant name with a space', { ...good, tenants: ['acme', 'bad name'] }, 'tenants'],
		['tenants as a string', { ...good, tenants: '*' }, 'tenants'],
		['a short password', { ...good, password: 'short' }, 'password'],
		['a missing email', { name: 'Bad', role: 'member', tenants: ['*'] }, 'email']
	];

	it.each(invalid)('answers %s with 400 naming the field, and creates nobody', async (_n, body, field) => {
		const r = await api(CREATE_USER, '/api/v1/users', { body: body as object });
		expect(r.status).toBe(400);
		expect(r.json.error.field).toBe(field);
		expect(r.json.error.message).toMatch(new RegExp(`^${field}`));
		expect(await getUserByEmail('bad@example.com')).toBeNull();
	});

	it.each([
		['malformed JSON', '{"email": "x@example.com",', /not valid JSON/],
		['an empty body', '', /JSON object/],
		['a JSON array', '[]', /JSON object/],
		['a JSON string', '"hello"', /JSON object/]
	])('answers %s with 400, never 500', async (_n, body, message) => {
		for (const [h, path, method] of [
			[CREATE_USER, '/api/v1/users', 'POST'],
			[PATCH_USER, '/api/v1/users/x', 'PATCH'],
			[CREATE_KEY, '/api/v1/keys', 'POST']
		] as const) {
			const r = await api(h, path, { method, body, params: { id: 'x' }, headers: { 'content-type': 'application/json' } });
			expect(r.status, `${method} ${path}`).toBe(400);
			expect(r.json.error.message).toMatch(message);
		}
	});

	it('changes role and tenants, deactivates, reactivates and sets a password, recording each with before and after', async () => {
		const created = await api(CREATE_USER, '/api/v1/users', { body: { email: 'mo@example.com', name: 'Mo', role: 'member', tenants: ['acme'] } });
		const id = created.json.user.id as string;
		const patch = (body: object) => api(PATCH_USER, `/api/v1/users/${id}`, { method: 'PATCH', params: { id }, body });
		const token = await createSession(id, { ip: IP, userAgent: UA }, getConfig().sessions, new Date());

		const promoted = await patch({ role: 'analyst', tenants: ['acme', 'globex'] });
		expect(promoted.status, JSON.stringify(promoted.json)).toBe(200);
		expect(promoted.json.user).toMatchObject({ id, role: 'analyst', tenants: ['acme', 'globex'] });
		expect(promoted.json.user).not.toHaveProperty('password_hash');
		const [change] = await audit('permissions_changed', id);
		expect(change.actor).toMatchObject(byAdminKey);
		expect(change.changes?.before).toMatchObject({ role: 'member', tenants: ['acme'] });
		expect(change.changes?.after).toMatchObject({ role: 'analyst', tenants: ['acme', 'globex'] });
		// New rights apply at once: the sessions opened under the old ones are over.
		expect(await resumeSession(token, getConfig().sessions, new Date())).toEqual({ reason: 'revoked' });

		const off = await patch({ active: false });
		expect(off.json.user.active).toBe(false);
		const [deactivated] = await audit('user_deactivated', id);
		expect(deactivated.changes).toMatchObject({ before: { active: true }, after: { active: false } });

		expect((await patch({ active: true })).json.user.active).toBe(true);
		expect(await audit('user_reactivated', id)).toHaveLength(1);

		expect((await patch({ password: 'another long password' })).status).toBe(200);
		expect(await verifyPassword('another long password', (await getUserByEmail('mo@example.com'))!.password_hash)).toBe(true);
		const [pw] = await audit('password_changed', id);
		expect(JSON.stringify(pw)).not.toContain('another long password');
	});

	it('answers 404 for an unknown user and 400 naming the field for a bad change', async () => {
		const missing = await api(PATCH_USER, '/api/v1/users/00000000-0000-0000-0000-000000000000', { method: 'PATCH', params: { id: '00000000-0000-0000-0000-000000000000' }, body: { name: 'Nobody' } });
		expect(missing.status).toBe(404);
		const id = (await getUserByEmail('ana@example.com'))!.id;
		const bad = await api(PATCH_USER, `/api/v1/users/${id}`, { method: 'PATCH', params: { id }, body: { active: 'yes' } });
		expect(bad.status).toBe(400);
		expect(bad.json.error.field).toBe('active');
		const empty = await api(PATCH_USER, `/api/v1/users/${id}`, { method: 'PATCH', params: { id }, body: {} });
		expect(empty.status).toBe(400);
		expect(empty.json.error.message).toMatch(/at least one of/);
	});

	it('lets an administrator step down once another one exists', async () => {
		const second = await api(CREATE_USER, '/api/v1/users', { body: { email: 'second-admin@example.com', name: 'Second', role: 'admin', tenants: ['*'], password: 'a long enough password' } });
		expect(second.status).toBe(201);
		const id = second.json.user.id as string;
		const down = await api(PATCH_USER, `/api/v1/users/${id}`, { method: 'PATCH', params: { id }, body: { role: 'auditor' } });
		expect(down.status).toBe(200);
		expect(down.json.user.role).toBe('auditor');
	});
});

describe('API keys through the API', () => {
	it('creates a key whose secret is answered once, works at once, and stops at once when revoked', async () => {
		const r = await api(CREATE_KEY, '/api/v1/keys', { body: { name: 'reporting', scopes: ['read'] } });
		expect(r.status, JSON.stringify(r.json)).toBe(201);
		expect(r.json.key).toMatchObject({ name: 'reporting', scopes: ['read'], tenant: null });
		const { secret } = r.json as { secret: string };
		const id = r.json.key.id as string;
		expect(secret).toMatch(/^tsk_/);

		expect((await call(EVENTS, '/api/v1/events?from=now-1h', { key: secret })).status).toBe(200);
		// Read scope is not admin scope.
		expect((await api(LIST_KEYS, '/api/v1/keys', { key: secret })).status).toBe(403);

		const list = await api(LIST_KEYS, '/api/v1/keys');
		expect(list.status).toBe(200);
		const listed = (list.json.keys as { id: string }[]).find((k) => k.id === id);
		expect(listed).toMatchObject({ name: 'reporting', prefix: secret.slice(0, 8), scopes: ['read'], tenant: null, revoked_at: null });
		expect(JSON.stringify(list.json)).not.toContain(secret);
		for (const k of list.json.keys) expect(Object.keys(k).filter((f) => /hash|secret/.test(f))).toEqual([]);

		const [created] = await audit('api_key_created', id);
		expect(created.actor).toMatchObject(byAdminKey);
		expect(created.changes?.after).toMatchObject({ name: 'reporting', scopes: ['read'], tenant: '*' });
		expect(JSON.stringify(created)).not.toContain(secret);

		const revoked = await api(REVOKE_KEY, `/api/v1/keys/${id}`, { method: 'DELETE', params: { id } });
		expect(revoked.status).toBe(204);
		expect(revoked.json).toBeNull();
		const refused = await call(EVENTS, '/api/v1/events?from=now-1h', { key: secret });
		expect(refused.status).toBe(401);

		const [event] = await audit('api_key_revoked', id);
		expect(event.changes).toMatchObject({ before: { revoked: false }, after: { revoked: true } });
		const after = (await api(LIST_KEYS, '/api/v1/keys')).json.keys.find((k: { id: string }) => k.id === id);
		expect(after.revoked_at).toEqual(expect.any(String));

		// Revoking again changes nothing and records nothing more.
		expect((await api(REVOKE_KEY, `/api/v1/keys/${id}`, { method: 'DELETE', params: { id } })).status).toBe(204);
		expect(await audit('api_key_revoked', id)).toHaveLength(1);
	});

	it('notes when a key was last used', async () => {
		const r = await api(CREATE_KEY, '/api/v1/keys', { body: { name: 'used', scopes: ['ingest', 'read'] } });
		const id = r.json.key.id as string;
		expect((await call(EVENTS, '/api/v1/events?from=now-1h', { key: r.json.secret })).status).toBe(200);
		// The use is written beside the request, not before it is answered.
		let lastUsed: string | null = null;
		for (let i = 0; i < 50 && !lastUsed; i++) {
			lastUsed = (await api(LIST_KEYS, '/api/v1/keys')).json.keys.find((k: { id: string }) => k.id === id).last_used_at;
			if (!lastUsed) await new Promise((res) => setTimeout(res, 100));
		}
		expect(lastUsed).toEqual(expect.any(String));
	});

	it('binds a key to one tenant: it reads that tenant and is refused another', async () => {
		const r = await api(CREATE_KEY, '/api/v1/keys', { body: { name: 'acme only', scopes: ['read'], tenant: 'acme' } });
		expect(r.status).toBe(201);
		expect(r.json.key.tenant).toBe('acme');
		expect((await call(EVENTS, '/api/v1/events?from=now-1h&tenant=acme', { key: r.json.secret })).status).toBe(200);
		expect((await call(EVENTS, '/api/v1/events?from=now-1h&tenant=globex', { key: r.json.secret })).status).toBe(403);
	});

	it.each([
		['no name', { scopes: ['read'] }, 'name'],
		['no scopes', { name: 'k', scopes: [] }, 'scopes'],
		['an unknown scope', { name: 'k', scopes: ['read', 'root'] }, 'scopes'],
		['a tenant that is not a name', { name: 'k', scopes: ['read'], tenant: 'two words' }, 'tenant']
	])('answers %s with 400 naming the field', async (_n, body, field) => {
		const before = (await api(LIST_KEYS, '/api/v1/keys')).json.keys.length;
		const r = await api(CREATE_KEY, '/api/v1/keys', { body });
		expect(r.status).toBe(400);
		expect(r.json.error.field).toBe(field);
		expect((await api(LIST_KEYS, '/api/v1/keys')).json.keys.length).toBe(before);
	});

	it('answers 404 for revoking a key that does not exist', async () => {
		const r = await api(REVOKE_KEY, '/api/v1/keys/nope', { method: 'DELETE', params: { id: 'nope' } });
		expect(r.status).toBe(404);
	});
});

// The admin pages, driven the way SvelteKit calls a load or an action, with a signed-in user in locals.
describe('admin pages', () => {
	function pageEvent(user: User | null, form?: Record<string, string | string[]>) {
		const init: RequestInit = { headers: { 'user-agent': UA } };
		if (form) {
			const body = new FormData();
			for (const [k, v] of Object.entries(form)) for (const x of [v].flat()) body.append(k, x);
			Object.assign(init, { method: 'POST', body });
		}
		const request = new Request('http://localhost/admin', init);
		return { locals: { user, sessionToken: null }, request, url: new URL(request.url), params: {}, getClientAddress: () => IP, parent: async () => ({ tenant: '', tenants: ['default'] }) } as never;
	}
	const person = async (email: string, role: Role) => toUser((await getUserByEmail(email)) ?? (await insertUser({ email, name: email, role, tenants: ['*'], passwordHash: 'x' }, new Date())));
	let admin: User;
	beforeAll(async () => {
		admin = toUser((await getUserByEmail(adminEmail()))!);
	});

	it('answers 403 to anyone but an administrator, for every load and action', async () => {
		const others = [null, await person('page-analyst@example.com', 'analyst'), await person('page-auditor@example.com', 'auditor'), await person('page-member@example.com', 'member')];
		const form = { email: 'sneaky@example.com', name: 'Sneaky', role: 'admin', tenants: '*', id: admin.id, active: 'false', scopes: 'admin' };
		for (const who of others) {
			const calls = [
				() => usersPage.load(pageEvent(who)),
				() => keysPage.load(pageEvent(who)),
				() => settingsPage.load(pageEvent(who)),
				() => usersPage.actions.create(pageEvent(who, form)),
				() => usersPage.actions.update(pageEvent(who, form)),
				() => usersPage.actions.setActive(pageEvent(who, form)),
				() => keysPage.actions.create(pageEvent(who, form)),
				() => keysPage.actions.revoke(pageEvent(who, form))
			];
			for (const c of calls) await expect(c(), who?.role ?? 'nobody').rejects.toMatchObject({ status: 403 });
		}
		expect(await getUserByEmail('sneaky@example.com')).toBeNull();
		expect(toUser((await getUserByEmail(adminEmail()))!)).toMatchObject({ role: 'admin', active: true });
	});

	it('lists users without hashes and creates one with a password generated and shown once', async () => {
		const page = await usersPage.load(pageEvent(admin));
		expect(page.me).toBe(admin.id);
		expect(page.users.length).toBeGreaterThan(1);
		expect(JSON.stringify(page)).not.toMatch(/password_hash|scrypt/);

		const done = await usersPage.actions.create(pageEvent(admin, { email: ' Page.User@Example.com', name: 'Page User', role: 'auditor', tenants: 'acme, globex, acme', password: '' }));
		if (!('created' in done)) throw new Error(JSON.stringify(done));
		expect(done.created.email).toBe('page.user@example.com');
		const stored = (await getUserByEmail('page.user@example.com'))!;
		expect(stored).toMatchObject({ role: 'auditor', tenants: ['acme', 'globex'] });
		expect(await verifyPassword(done.created.password!, stored.password_hash)).toBe(true);
		const [event] = await audit('user_created', stored.id);
		expect(event.actor).toMatchObject({ id: admin.id, type: 'user' });
	});

	it('explains a refused user in words, field by field, and never sends the password back', async () => {
		const bad = await usersPage.actions.create(pageEvent(admin, { email: 'nope', name: '', role: '', tenants: 'acme corp', password: 'short' }));
		expect(bad).toMatchObject({ status: 400 });
		const { create } = (bad as { data: { create: { errors: Record<string, string>; values: object } } }).data;
		expect(create.errors).toEqual({
			email: 'Email must be an email address.',
			name: 'Name must not be empty.',
			role: 'Role must be admin, analyst, auditor or member.',
			tenants: 'Tenants: "acme corp" must be a tenant name, or * for every tenant.',
			password: 'Password must be at least 12 characters.'
		});
		expect(JSON.stringify(create.values)).not.toContain('short');

		const dup = await usersPage.actions.create(pageEvent(admin, { email: 'page.user@example.com', name: 'Again', role: 'member', tenants: '*', password: '' }));
		expect(dup).toMatchObject({ status: 409, data: { create: { errors: { email: 'A user with the email page.user@example.com already exists.' } } } });
	});

	it('changes role and tenants, deactivates and reactivates from a row, and keeps administrators off their own row', async () => {
		const id = (await getUserByEmail('page.user@example.com'))!.id;
		const saved = await usersPage.actions.update(pageEvent(admin, { id, role: 'analyst', tenants: '*' }));
		expect(saved).toEqual({ row: { id, done: 'Saved: page.user@example.com is Analyst, all tenants.' } });
		expect(await audit('permissions_changed', id)).toHaveLength(1);
		// Saving a row nobody changed records nothing.
		expect(await usersPage.actions.update(pageEvent(admin, { id, role: 'analyst', tenants: '*' }))).toMatchObject({ row: { done: expect.stringMatching(/Nothing to change/) } });
		expect(await audit('permissions_changed', id)).toHaveLength(1);

		expect(await usersPage.actions.setActive(pageEvent(admin, { id, active: 'false' }))).toMatchObject({ row: { id, done: expect.stringMatching(/deactivated/) } });
		expect((await getUserByEmail('page.user@example.com'))!.active).toBe(false);
		expect(await audit('user_deactivated', id)).toHaveLength(1);
		await usersPage.actions.setActive(pageEvent(admin, { id, active: 'true' }));
		expect((await getUserByEmail('page.user@example.com'))!.active).toBe(true);

		const badTenants = await usersPage.actions.update(pageEvent(admin, { id, role: 'analyst', tenants: '' }));
		expect(badTenants).toMatchObject({ status: 400, data: { row: { id, message: 'Tenants must list at least one tenant, or ["*"].' } } });
		const self = await usersPage.actions.setActive(pageEvent(admin, { id: admin.id, active: 'false' }));
		expect(self).toMatchObject({ status: 409, data: { row: { id: admin.id, message: expect.stringMatching(/another administrator/) } } });
		expect((await usersPage.actions.update(pageEvent(admin, { id: 'missing', role: 'member', tenants: '*' })))).toMatchObject({ status: 404 });
	});

	it('creates a key showing its secret once, and revokes it', async () => {
		const refused = await keysPage.actions.create(pageEvent(admin, { name: 'page key', tenant: '' }));
		expect(refused).toMatchObject({ status: 400, data: { create: { errors: { scopes: 'Scopes must list at least one scope.' } } } });

		const done = await keysPage.actions.create(pageEvent(admin, { name: 'page key', scopes: ['ingest', 'read'], tenant: 'acme' }));
		if (!('created' in done)) throw new Error(JSON.stringify(done));
		expect(done.created.secret).toMatch(/^tsk_/);
		const listed = (await keysPage.load(pageEvent(admin))).keys.find((k) => k.name === 'page key')!;
		expect(listed).toMatchObject({ scopes: ['ingest', 'read'], tenant: 'acme', created_by: admin.email, revoked_at: null });
		expect((await call(EVENTS, '/api/v1/events?from=now-1h&tenant=acme', { key: done.created.secret })).status).toBe(200);

		expect(await keysPage.actions.revoke(pageEvent(admin, { id: listed.id }))).toEqual({ revoked: { id: listed.id } });
		expect((await call(EVENTS, '/api/v1/events?from=now-1h&tenant=acme', { key: done.created.secret })).status).toBe(401);
		const [event] = await audit('api_key_revoked', listed.id);
		expect(event.actor).toMatchObject({ id: admin.id, type: 'user' });
		expect(await keysPage.actions.revoke(pageEvent(admin, { id: 'missing' }))).toMatchObject({ status: 404 });
	});

	it('shows the settings in effect with their variables, and no secret', async () => {
		const { groups, tenant, values } = await settingsPage.load(pageEvent(admin));
		expect(tenant).toBe('default');
		expect(values).toMatchObject({ timezone: expect.any(String), days: expect.any(Array), start: expect.any(String), end: expect.any(String) });
		expect(groups.map((g) => g.title)).toEqual(['Retention', 'Archive', 'Seals', 'Sessions', 'Self-audit', 'Store']);
		const variables = groups.flatMap((g) => g.settings.map((s) => s.variable));
		for (const v of ['RETENTION_DAYS', 'RETENTION_SECURITY_DAYS', 'ARCHIVE', 'ARCHIVE_DIR', 'ARCHIVE_LEAD_DAYS', 'SESSION_IDLE_MINUTES', 'SESSION_MAX_HOURS', 'AUDIT_TENANT', 'SEAL_PERIOD_MINUTES', 'SEAL_VERIFY_DAYS', 'SEAL_PRIVATE_KEY_FILE']) expect(variables).toContain(v);
		expect(groups.flatMap((g) => g.settings).find((s) => s.variable === 'RETENTION_DAYS')!.value).toBe(`${getConfig().retention.days} days`);
		expect(JSON.stringify(groups)).not.toContain(process.env.INGEST_API_KEY!);
	});
});
