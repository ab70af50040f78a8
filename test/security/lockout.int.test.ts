import { beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { query } from '../../src/lib/server/clickhouse/query';
import { systemPrincipal } from '../../src/lib/server/auth/authority';
import { createUserAccount } from '../../src/lib/server/auth/manage-users';
import { signIn } from '../../src/lib/server/auth/sign-in';
import { LOCKOUT } from '../../src/lib/server/auth/lockout';
import { ready } from '../integration/helpers';

// Issue 11, finding 4: 40 concurrent sign-ins from one address recorded 34 failures against a
// limit of 5, and the right password at position 15 signed in.
const config = { auditTenant: 'trailscope', sessions: { idleMinutes: 30, absoluteHours: 12 } };
const PASSWORD = 'the right password, at last';
const EMAIL = 'racer@example.com';

const failures = async (email: string) =>
	(
		await query({
			name: 'test.countFailures',
			row: z.object({ n: z.coerce.number() }),
			params: { email },
			sql: `SELECT count() AS n FROM events WHERE tenant = 'trailscope' AND source = 'trailscope' AND action_key = 'login_failed' AND actor_email = {email:String}`
		})
	)[0].n;

beforeAll(async () => {
	await ready();
	await createUserAccount({ email: EMAIL, name: 'Racer', role: 'analyst', tenants: ['acme'], password: PASSWORD }, systemPrincipal({ id: 'test', type: 'system' }), {});
});

describe('sign-in lockout under concurrency', () => {
	it('records no more failures than the limit and refuses the right password once locked', async () => {
		const now = new Date();
		const tries = Array.from({ length: 40 }, (_, i) => signIn({ email: EMAIL, password: i === 14 ? PASSWORD : `wrong guess ${i}`, ip: '203.0.113.200', userAgent: 'racer', now }, config));
		const results = await Promise.all(tries);
		expect(results.filter((r) => r.ok)).toEqual([]);
		expect(results.filter((r) => !r.ok && r.status === 401)).toHaveLength(LOCKOUT.perAccount);
		expect(results.filter((r) => !r.ok && r.status === 429)).toHaveLength(40 - LOCKOUT.perAccount);
		expect(results[14]).toMatchObject({ ok: false, status: 429 });
		expect(await failures(EMAIL)).toBe(LOCKOUT.perAccount);
	});

	it('lets attempts on other accounts from other addresses run beside a locked one', async () => {
		const other = await signIn({ email: 'nobody-else@example.com', password: 'x', ip: '203.0.113.201', userAgent: 'racer', now: new Date() }, config);
		expect(other).toMatchObject({ ok: false, status: 401 });
	});
});
