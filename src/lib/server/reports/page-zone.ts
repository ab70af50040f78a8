import { getTenantSettings } from '../tenants/tenant-settings';

/**
 * The zone a report page opens in when its URL names none: the one the person last chose on the
 * timeline (cookie), else the tenant's business-hours zone, else UTC. Also the zones to offer.
 */
export async function pageZones(tenant: string, cookieTz: string | undefined): Promise<{ fallback: string; offered: string[] }> {
	const tenantZone = tenant ? (await getTenantSettings(tenant)).businessHours.timezone : undefined;
	const offered = [...new Set([tenantZone, cookieTz, 'Europe/Paris', 'UTC'].filter((z): z is string => !!z))];
	return { fallback: cookieTz || tenantZone || 'UTC', offered };
}
