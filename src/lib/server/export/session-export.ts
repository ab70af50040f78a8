import { actorOnlyOf, auditActorOf, tenantScopeOf } from '../auth/access';
import { allTenants, type User } from '../auth/users';
import { listTenants } from '../queries/events/list-tenants';
import type { ExportRequest } from './export-request';

/** The timeline's period when its URL names none; an export from the page must read the same set. */
export const TIMELINE_DEFAULT_FROM = 'now-24h';

/**
 * What a signed-in user's export reads: their tenants, their own events only for a member, and
 * the timeline's defaults, including the tenant chosen in the header (its cookie) when the
 * filter names none, checked the way the layout checks it.
 */
export async function sessionExportContext(user: User, chosenTenant: string | undefined) {
	const tenants = allTenants(user) ? await listTenants() : user.tenants;
	const tenant = chosenTenant && tenants.includes(chosenTenant) ? chosenTenant : undefined;
	return {
		scope: tenantScopeOf(user),
		actorOnly: actorOnlyOf(user),
		defaults: { from: TIMELINE_DEFAULT_FROM, ...(tenant ? { tenant } : {}) },
		actor: auditActorOf(user)
	} satisfies Partial<ExportRequest>;
}
