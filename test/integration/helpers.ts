import { startup } from '../../src/lib/server/startup/startup';
import { createApiKey, type Scope } from '../../src/lib/server/auth/api-keys';

export const ADMIN_KEY = 'test-key-with-every-scope';

export const ready = () => startup();

export async function keyWith(scopes: Scope[], tenant: string | null = null): Promise<string> {
	const { secret } = await createApiKey({ name: `test ${scopes.join('+')}`, scopes, tenant, createdBy: 'test' });
	return secret;
}

interface CallOptions {
	method?: string;
	key?: string | null;
	body?: string | object;
	headers?: Record<string, string>;
	params?: Record<string, string>;
}

type Handler = (event: { request: Request; url: URL; params: Record<string, string> }) => Promise<Response>;

/** Calls a route handler the way SvelteKit would, with a real Request. */
export async function call(handler: unknown, path: string, opts: CallOptions = {}) {
	const url = new URL(path, 'http://localhost');
	const headers: Record<string, string> = { ...opts.headers };
	const key = opts.key === undefined ? ADMIN_KEY : opts.key;
	if (key) headers.authorization = `Bearer ${key}`;
	let body: string | undefined;
	if (opts.body !== undefined) {
		body = typeof opts.body === 'string' ? opts.body : JSON.stringify(opts.body);
		headers['content-type'] ??= 'application/json';
	}
	const request = new Request(url, { method: opts.method ?? (body === undefined ? 'GET' : 'POST'), headers, body });
	// As SvelteKit would for an API client: no session user, the peer's address known.
	const res = await (handler as Handler)({ request, url, params: opts.params ?? {}, locals: { user: null }, getClientAddress: () => '127.0.0.1' } as never);
	const text = await res.text();
	return { status: res.status, headers: res.headers, json: text ? JSON.parse(text) : null };
}
