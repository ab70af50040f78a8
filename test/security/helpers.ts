import { insertUser, toUser, type User } from '../../src/lib/server/auth/users';
import type { Role } from '../../src/lib/schemas/roles';

export const IP = '198.51.100.77';

/** A person stored as the app stores them (no password needed: these tests never sign in by form). */
export async function person(email: string, role: Role, tenants: string[]): Promise<User> {
	return toUser(await insertUser({ email, name: email, role, tenants, passwordHash: 'x' }, new Date()));
}

interface AsUser {
	method?: string;
	body?: object;
	form?: Record<string, string | string[]>;
	headers?: Record<string, string>;
	params?: Record<string, string>;
	parent?: { tenant: string; tenants: string[] };
}

/** A request event as SvelteKit builds it for a signed-in browser: the user in locals, no Authorization header. */
export function eventAs(user: User | null, path: string, o: AsUser = {}) {
	const init: RequestInit = { method: o.method ?? (o.body || o.form ? 'POST' : 'GET'), headers: { 'user-agent': 'vitest', ...o.headers } };
	if (o.body) {
		init.body = JSON.stringify(o.body);
		(init.headers as Record<string, string>)['content-type'] = 'application/json';
	}
	if (o.form) {
		const f = new FormData();
		for (const [k, v] of Object.entries(o.form)) for (const x of [v].flat()) f.append(k, x);
		init.body = f;
	}
	const request = new Request(new URL(path, 'http://localhost'), init);
	const parent = async () => o.parent ?? { tenant: '', tenants: user?.tenants.includes('*') ? ['default'] : (user?.tenants ?? []) };
	const cookies = { get: () => undefined, set: () => {}, delete: () => {} };
	return { locals: { user, sessionToken: null }, request, url: new URL(request.url), params: o.params ?? {}, getClientAddress: () => IP, parent, setHeaders: () => {}, cookies } as never;
}

/** Calls a route handler or action as that user; the answer's status and JSON (or the thrown HttpError's). */
export async function callAs(handler: unknown, user: User | null, path: string, o: AsUser = {}): Promise<{ status: number; json: unknown }> {
	try {
		const res = await (handler as (e: never) => Promise<unknown>)(eventAs(user, path, o));
		if (res instanceof Response) {
			const text = await res.text();
			return { status: res.status, json: text ? JSON.parse(text) : null };
		}
		const failed = res as { status?: number; data?: unknown } | undefined;
		return { status: failed && typeof failed.status === 'number' ? failed.status : 200, json: failed?.data ?? res ?? null };
	} catch (e) {
		const thrown = e as { status?: number; body?: unknown; location?: string };
		if (typeof thrown.status === 'number') return { status: thrown.status, json: thrown.body ?? { location: thrown.location } };
		throw e;
	}
}
