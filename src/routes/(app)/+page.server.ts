import type { PageServerLoad } from './$types';
import { EventFilterSchema } from '$lib/schemas/event-filter';
import { getConfig } from '$lib/server/config';
import { actorOnlyOf, tenantScopeOf } from '$lib/server/auth/access';
import { getStoreSummary } from '$lib/server/queries/events/get-store-summary';

export const load = (async ({ locals, parent }) => {
	const { tenant } = await parent();
	const user = locals.user!;
	const filter = EventFilterSchema.parse({ from: 'now-30d', tenant: tenant || undefined });
	const summary = await getStoreSummary(tenantScopeOf(user), filter, new Date(), actorOnlyOf(user));
	return { summary, appUrl: getConfig().http.appUrl, own: !!actorOnlyOf(user) };
}) satisfies PageServerLoad;
