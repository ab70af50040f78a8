import type { PageServerLoad } from './$types';
import { error } from '@sveltejs/kit';
import { EventFilterSchema, filterParams } from '$lib/schemas/event-filter';
import { actorOnlyOf, tenantScopeOf } from '$lib/server/auth/access';
import { FilterError } from '$lib/server/queries/events/event-where';
import { listEvents } from '$lib/server/queries/events/list-events';

export const load = (async ({ locals, url, parent }) => {
	const { tenant } = await parent();
	const user = locals.user!;
	const params = filterParams(url.searchParams);
	const parsed = EventFilterSchema.safeParse({ from: 'now-24h', tenant: tenant || undefined, ...params });
	if (!parsed.success) error(400, `Invalid filter: ${String(parsed.error.issues[0].path[0])}: ${parsed.error.issues[0].message}`);
	try {
		const page = await listEvents(tenantScopeOf(user), parsed.data, new Date(), { actorOnly: actorOnlyOf(user) });
		return { page, filter: { ...parsed.data, cursor: undefined }, own: !!actorOnlyOf(user) };
	} catch (e) {
		if (e instanceof FilterError) error(e.param === 'tenant' ? 403 : 400, e.message);
		throw e;
	}
}) satisfies PageServerLoad;
