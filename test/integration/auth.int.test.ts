import { beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { query } from '../../src/lib/server/clickhouse/query';
import { signIn, SIGN_IN_FAILED } from '../../src/lib/server/auth/sign-in';
import { createUserAccount, updateUserAccount } from '../../src/lib/server/auth/manage-users';
import { systemPrincipal } from '../../src/lib/server/auth/authority';
import { resumeSession, revokeSession } from '../../src/lib/server/auth/sessions';
import { hashPassword, verifyPassword } from '../../src/lib/server/auth/passwords';
import { listEvents } from '../../src/lib/server/queries/events/list-events';
import { EventFilterSchema } from '../../src/lib/schemas/event-filter';
import { POST } from '../../src/routes/api/v1/events/+server';
import { call, ready } from './helpers';

const config = { auditTenant: 'trailscope', sessions: { idleMinutes: 30, absoluteHours: 12 } };
const admin = systemPrincipal({ id: 'test-admin', email: 'root@corp.example', type: 'user' as const });
const meta = { ip: '198.51.100.9', userAgent: 'vitest' };
const PASSWORD = 'correct horse battery staple';
let t0 = Date.now();
const at = (seconds: number) => new Date(t0 + seconds * 1000);

const AuditRow = z.object({ action: z.string(), outcome: z.string(), reason: z.string(), actor_email: z.string(), ip: z.string(), changes: z.string() });
const audit = (actions: string[]) =>
	query({
		name: 'test.audit',
		row: AuditRow,
		params: { actions },
		sql: `SELECT action, toString(outcome) AS outcome, reason, actor_email, IPv6NumToString(ip) AS ip, changes FROM events
			WHERE tenant = 'trailscope' AND source = 'trailscope' AND action IN {actions:Array(String)} ORDER BY occurred_at, received_at`
	});

beforeAll(async () => {
	await ready();
	t0 = Date.now();
	await createUserAccount({ email: 'ana@corp.example', name: 'Ana', role: 'analyst', tenants: ['*'], password: PASSWORD }, admin, meta, at(0));
	await createUserAccount({ email: 'mo@corp.example', name: 'Mo', role: 'member', tenants: ['acme'], password: PASSWORD }, admin, meta, at(0));
});

describe('passwords', () => {
	it('hash with scrypt and verify only the right password', async () => {
		const h = await hashPassword(PASSWORD);
		expect(h).toMatch(/^scrypt\$32768\$8\$1\$/);
		expect(await verifyPassword(PASSWORD, h)).toBe(true);
		expect(await verifyPassword('correct horse battery stapl', h)).toBe(false);
		expect(await hashPassword(PASSWORD)).not.toBe(h);
	});
});

describe('signIn', () => {
	it('opens a session for the right password and records the sign-in', async () => {
		const r = await signIn({ email: 'ANA@corp.example ', password: PASSWORD, ...meta, now: at(1) }, config);
		expect(r.ok).toBe(true);
		if (!r.ok) return;
		expect(r.user).toMatchObject({ email: 'ana@corp.example', role: 'analyst' });
		expect(r.user).not.toHaveProperty('password_hash');
		expect(await resumeSession(r.token, config.sessions, at(2))).toEqual({ userId: r.user.id });
		const [login] = await audit(['login']);
		expect(login).toMatchObject({ action: 'login', outcome: 'success', actor_email: 'ana@corp.example', ip: '::ffff:198.51.100.9' });
	});

	it('answers a wrong password and an unknown account alike, recording the reason', async () => {
		const wrong = await signIn({ email: 'ana@corp.example', password: 'nope nope nope', ...meta, now: at(3) }, config);
		const unknown = await signIn({ email: 'ghost@corp.example', password: 'nope nope nope', ...meta, now: at(3) }, config);
		expect(wrong).toEqual({ ok: false, status: 401, message: SIGN_IN_FAILED });
		expect(unknown).toEqual(wrong);
		const failed = await audit(['login_failed']);
		expect(failed.map((f) => [f.actor_email, f.reason]).sort()).toEqual([
			['ana@corp.example', 'Invalid password'],
			['ghost@corp.example', 'Unknown account']
		]);
	});

	it('locks an account after 5 failures in 15 minutes, with Retry-After, until the window passes', async () => {
		const email = 'mo@corp.example';
		const ip = '203.0.113.77';
		for (let i = 0; i < 5; i++) {
			const r = await signIn({ email, password: 'wrong wrong wrong', ip, userAgent: 'x', now: at(10 + i) }, config);
			expect(r).toMatchObject({ ok: false, status: 401 });
		}
		const locked = await signIn({ email, password: PASSWORD, ip, userAgent: 'x', now: at(20) }, config);
		expect(locked).toMatchObject({ ok: false, status: 429 });
		if (!locked.ok && locked.status === 429) expect(locked.retryAfterSeconds).toBe(15 * 60 - (20 - 10));
		expect((await audit(['account_locked'])).length).toBe(1);
		expect((await audit(['login_blocked'])).length).toBe(1);
		const later = await signIn({ email, password: PASSWORD, ip, userAgent: 'x', now: at(10 + 15 * 60 + 1) }, config);
		expect(later.ok).toBe(true);
	});

	it('locks an address after 20 failures across accounts', async () => {
		const ip = '192.0.2.200';
		for (let i = 0; i < 20; i++) await signIn({ email: `spray${i}@corp.example`, password: 'x'.repeat(12), ip, userAgent: 'x', now: at(100 + i) }, config);
		const r = await signIn({ email: 'ana@corp.example', password: PASSWORD, ip, userAgent: 'x', now: at(130) }, config);
		expect(r).toMatchObject({ ok: false, status: 429 });
		const elsewhere = await signIn({ email: 'ana@corp.example', password: PASSWORD, ip: '198.51.100.10', userAgent: 'x', now: at(130) }, config);
		expect(elsewhere.ok).toBe(true);
	});
});

describe('sessions', () => {
	it('end when idle, at their absolute limit, on sign-out and when the user is deactivated', async () => {
		const s = config.sessions;
		const open = async (now: Date) => {
			const r = await signIn({ email: 'ana@corp.example', password: PASSWORD, ip: '198.51.100.11', userAgent: 'x', now }, config);
			if (!r.ok) throw new Error('sign-in failed');
			return r;
		};
		const a = await open(at(200));
		expect((await resumeSession(a.token, s, at(200 + 29 * 60))).userId).toBe(a.user.id);
		expect(await resumeSession(a.token, s, at(200 + 29 * 60 + 31 * 60))).toEqual({ reason: 'idle' });
		const b = await open(at(300));
		let now = 300;
		for (let i = 0; i < 26; i++) expect((await resumeSession(b.token, s, at((now += 25 * 60)))).userId).toBe(b.user.id);
		expect(await resumeSession(b.token, s, at(300 + 12 * 3600 + 1))).toEqual({ reason: 'expired' });
		const c = await open(at(400));
		await revokeSession(c.token, at(401));
		expect(await resumeSession(c.token, s, at(402))).toEqual({ reason: 'revoked' });
		const d = await open(at(500));
		await updateUserAccount(d.user.id, { active: false }, admin, meta, at(501));
		expect(await resumeSession(d.token, s, at(502))).toEqual({ reason: 'revoked' });
		const again = await signIn({ email: 'ana@corp.example', password: PASSWORD, ip: '198.51.100.12', userAgent: 'x', now: at(503) }, config);
		expect(again).toMatchObject({ ok: false, status: 401 });
		const [deactivated] = await audit(['user_deactivated']);
		expect(JSON.parse(deactivated.changes)).toEqual({
			before: { email: 'ana@corp.example', name: 'Ana', role: 'analyst', tenants: ['*'], active: true },
			after: { email: 'ana@corp.example', name: 'Ana', role: 'analyst', tenants: ['*'], active: false }
		});
	});
});

describe("a member's view", () => {
	it('holds only events whose actor id or email is their own email', async () => {
		const now = new Date().toISOString();
		const body = [
			{ tenant: 'acme', occurred_at: now, actor: { email: 'Mo@corp.example' }, action: 'login' },
			{ tenant: 'acme', occurred_at: now, actor: 'mo@corp.example', action: 'export' },
			{ tenant: 'acme', occurred_at: now, actor: { id: 'u-2', email: 'someone@corp.example' }, action: 'login' },
			{ tenant: 'acme', occurred_at: now, actor: { id: 'u-3', name: 'mo@corp.example' }, action: 'login' }
		];
		expect((await call(POST, '/api/v1/events', { body })).status).toBe(202);
		const page = await listEvents(['acme'], EventFilterSchema.parse({ from: 'now-1h' }), new Date(), { actorOnly: 'mo@corp.example' });
		expect(page.events.map((e) => e.action).sort()).toEqual(['export', 'login']);
	});
});
