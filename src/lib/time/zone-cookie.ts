/** The cookie that tells the server the browser's zone: the default when no one tenant is chosen. */
export const BROWSER_ZONE_COOKIE = 'ts_tz';
