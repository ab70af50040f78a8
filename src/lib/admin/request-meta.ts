import type { RequestMeta } from '$lib/server/auth/manage-users';

/** Where a request came from, as Trailscope's own audit events record it. */
export function requestMetaOf(e: { getClientAddress(): string; request: Request }): RequestMeta {
	let ip: string | undefined;
	try {
		ip = e.getClientAddress();
	} catch {
		// adapter-node throws when ADDRESS_HEADER names a header the request lacks; the change
		// itself must not fail for that, the event then simply carries no address.
	}
	return { ip, userAgent: e.request.headers.get('user-agent') ?? undefined };
}
