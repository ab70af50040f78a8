import type { PageServerLoad } from './$types';
import { error, redirect } from '@sveltejs/kit';
import { z } from 'zod';
import { EventFilterSchema, filterParams } from '$lib/schemas/event-filter';
import { actorOnlyOf, tenantScopeOf } from '$lib/server/auth/access';
import { FilterError } from '$lib/server/queries/events/event-where';
import { getEvent } from '$lib/server/queries/events/get-event';
import { getHistogram, INTERVALS } from '$lib/server/queries/events/get-histogram';
import { listEvents } from '$lib/server/queries/events/list-events';
import { parseTimeZone } from '$lib/server/http/parse-filter';
import { foldBuilderParams } from '$lib/timeline/fold-builder';
import { TIMELINE_DEFAULT_FROM } from '$lib/server/export/session-export';

const TZ_COOKIE = 'ts_tz';

export const load = (async ({ locals, url, parent, cookies }) => {
	const folded = foldBuilderParams(url.searchParams);
	if (folded !== null) redirect(303, `${url.pathname}${folded}`);
	const { tenant } = await parent();
	const user = locals.user!;
	const timeZone = parseTimeZone(url.searchParams.get('tz') ?? cookies.get(TZ_COOKIE) ?? 'UTC') ?? 'UTC';
	const parsed = EventFilterSchema.safeParse({ from: TIMELINE_DEFAULT_FROM, tenant: tenant || undefined, ...filterParams(url.searchParams) });
	if (!parsed.success) error(400, `This filter is not valid: ${String(parsed.error.issues[0].path[0])} ${parsed.error.issues[0].message}.`);
	const filter = parsed.data;
	const scope = tenantScopeOf(user);
	const actorOnly = actorOnlyOf(user);
	const now = new Date();
	const eventId = url.searchParams.get('event');
	try {
		const [page, histogram, open] = await Promise.all([
			listEvents(scope, filter, now, { actorOnly }),
			getHistogram(scope, { ...filter, cursor: undefined }, now, { timezone: timeZone, actorOnly }),
			eventId && z.uuid().safeParse(eventId).success ? getEvent(scope, eventId) : null
		]);
		// A member may open only their own events; anything else is "not found", as on /events/{id}.
		const mine = (e: NonNullable<typeof open>) => !actorOnly || [e.actor?.id, e.actor?.email].some((v) => v?.toLowerCase() === actorOnly);
		return {
			page,
			histogram: { ...histogram, intervalMs: INTERVALS[histogram.interval] * 1000 },
			filter: { ...filter, cursor: undefined, dir: undefined },
			timeZone,
			own: !!actorOnly,
			open: open && mine(open) ? open : null,
			openMissing: !!eventId && !(open && mine(open))
		};
	} catch (e) {
		if (e instanceof FilterError) error(e.param === 'tenant' ? 403 : 400, `This filter is not valid: ${e.message}.`);
		throw e;
	}
}) satisfies PageServerLoad;
