import { canonicalTimeZone } from '../../schemas/time-zone';
import { getTenantSettings } from '../tenants/tenant-settings';

/**
 * The one default zone of every page whose URL names none: the tenant's business-hours zone when
 * one tenant is chosen, else the browser's (its cookie, set by the layout), else UTC.
 * `offered` puts those first in the picker, which lists every IANA zone after them.
 */
export async function pageZones(tenant: string, browserTz: string | undefined): Promise<{ fallback: string; offered: string[] }> {
	const tenantZone = tenant ? (await getTenantSettings(tenant)).businessHours.timezone : undefined;
	const browser = browserTz ? (canonicalTimeZone(browserTz) ?? undefined) : undefined;
	const fallback = tenantZone || browser || 'UTC';
	const offered = [...new Set([tenantZone, browser, 'UTC'].filter((z): z is string => !!z))];
	return { fallback, offered };
}
