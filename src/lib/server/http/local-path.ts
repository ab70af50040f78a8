const BASE = 'http://trailscope.invalid';

/**
 * A path on this site to send a browser back to, else `fallback`. Browsers drop tabs and line
 * breaks from a URL and read `\` as `/`, so `/\t/evil.example` is `//evil.example` to them: any
 * control character or backslash is refused, and what is left must resolve to our own origin.
 */
export function localPath(next: string | null | undefined, fallback = '/'): string {
	if (!next || !next.startsWith('/') || /[\u0000-\u001f\u007f\\]/.test(next)) return fallback;
	let url: URL;
	try {
		url = new URL(next, BASE);
	} catch {
		return fallback;
	}
	return url.origin === BASE && !url.pathname.startsWith('//') ? `${url.pathname}${url.search}${url.hash}` : fallback;
}
