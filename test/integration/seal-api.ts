import { GET as publicKey } from '../../src/routes/api/v1/seals/public-key/+server';
import { GET as seals } from '../../src/routes/api/v1/seals/+server';
import { GET as verify } from '../../src/routes/api/v1/seals/verify/+server';
import { GET as exportEvents } from '../../src/routes/api/v1/events/export/+server';
import { GET as event } from '../../src/routes/api/v1/events/[id]/+server';
import { GET as proof } from '../../src/routes/api/v1/events/[id]/proof/+server';

type Handler = (e: never) => Promise<Response>;

/**
 * fetch for the verify command, answered by the real route handlers in this process (the store
 * is the test's): the command then runs exactly as against a server, over HTTP semantics.
 */
export async function inProcessFetch(href: string, init?: { headers?: Record<string, string> }): Promise<Response> {
	const url = new URL(href);
	const request = new Request(url, { headers: init?.headers });
	const p = url.pathname;
	const route: [RegExp, Handler][] = [
		[/^\/api\/v1\/seals\/public-key$/, publicKey as Handler],
		[/^\/api\/v1\/seals\/verify$/, verify as Handler],
		[/^\/api\/v1\/seals$/, seals as Handler],
		[/^\/api\/v1\/events\/export$/, exportEvents as Handler],
		[/^\/api\/v1\/events\/([^/]+)\/proof$/, proof as Handler],
		[/^\/api\/v1\/events\/([^/]+)$/, event as Handler]
	];
	for (const [re, handler] of route) {
		const m = re.exec(p);
		if (m) return handler({ request, url, params: { id: m[1] }, locals: { user: null }, getClientAddress: () => '127.0.0.1' } as never);
	}
	return new Response('not found', { status: 404 });
}
