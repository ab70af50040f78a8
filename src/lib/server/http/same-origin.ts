const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Why a state-changing request carried by the session cookie must be refused, or null when it may
 * go on. SameSite=Lax still sends the cookie from another port or subdomain of the same site, and
 * SvelteKit's own origin check covers form bodies only: a bodiless no-cors POST passes it. So the
 * request must say it comes from our own origin (`Origin`, else `Sec-Fetch-Site`). A request with
 * an Authorization header is authenticated by its key, which a browser never adds on its own.
 */
export function crossOriginRefusal(method: string, headers: Headers, ownOrigin: string): string | null {
	if (SAFE_METHODS.has(method.toUpperCase()) || headers.has('authorization')) return null;
	const origin = headers.get('origin');
	if (origin !== null) return origin === ownOrigin ? null : `a signed-in request from ${origin === 'null' ? 'an opaque origin' : origin} is refused: changes come only from ${ownOrigin}`;
	const site = headers.get('sec-fetch-site');
	if (site === 'same-origin' || site === 'none') return null;
	return `a signed-in request that does not say where it comes from is refused: changes come only from ${ownOrigin}`;
}
