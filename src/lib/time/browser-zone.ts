import { goto } from '$app/navigation';
import { BROWSER_ZONE_COOKIE } from './zone-cookie';

const cookieZone = () => document.cookie.split('; ').find((c) => c.startsWith(`${BROWSER_ZONE_COOKIE}=`))?.slice(BROWSER_ZONE_COOKIE.length + 1);

/**
 * Tells the server the browser's zone once (and again when it changes, a laptop carried abroad),
 * then reloads the page's data so its times follow it. A page whose URL names a zone keeps it.
 */
export function rememberBrowserZone() {
	const tz = Intl.DateTimeFormat().resolvedOptions().timeZone;
	if (!tz || decodeURIComponent(cookieZone() ?? '') === tz) return;
	document.cookie = `${BROWSER_ZONE_COOKIE}=${encodeURIComponent(tz)}; path=/; max-age=31536000; samesite=lax`;
	if (!new URLSearchParams(location.search).has('tz')) void goto(location.pathname + location.search + location.hash, { replaceState: true, noScroll: true, keepFocus: true, invalidateAll: true });
}
