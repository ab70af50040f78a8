import type { PageServerLoad } from './$types';
import { error, redirect } from '@sveltejs/kit';
import { z } from 'zod';
import { EventFilterSchema, filterParams } from '$lib/schemas/event-filter';
import { actorOnlyOf, tenantScopeOf } from '$lib/server/auth/access';
import { FilterError } from '$lib/server/queries/events/event-where';
import { getEvent } from '$lib/server/queries/events/get-event';
import { getHistogram, INTERVALS } from '$lib/server/queries/events/get-histogram';
import { listEvents } from '$lib/server/queries/events/list-events';
import { listFilterSuggestions } from '$lib/server/queries/events/list-filter-suggestions';
import { parseTimeZone } from '$lib/server/http/parse-filter';
import { notATimeZone } from '$lib/schemas/time-zone';
import { pageZones } from '$lib/server/reports/page-zone';
import { foldBuilderParams } from '$lib/timeline/fold-builder';
import { TIMELINE_DEFAULT_FROM } from '$lib/server/export/session-export';
import { BROWSER_ZONE_COOKIE } from '$lib/time/zone-cookie';
import { invalidFilterPage } from './invalid-filter';

export const load = (async ({ locals, url, parent, cookies }) => {
	const folded = foldBuilderParams(url.searchParams);
	if (folded !== null) redirect(303, `${url.pathname}${folded}`);
	const { tenant } = await parent();
	const user = locals.user!;
	const zones = await pageZones(tenant, cookies.get(BROWSER_ZONE_COOKIE));
	const askedTz = url.searchParams.get('tz');
	const timeZone = (askedTz ? parseTimeZone(askedTz) : null) ?? zones.fallback;
	const raw = { from: TIMELINE_DEFAULT_FROM, tenant: tenant || undefined, ...filterParams(url.searchParams) };
	const own = !!actorOnlyOf(user);
	const zoneData = { timeZone, defaultZone: zones.fallback, zones: zones.offered };
	// A bad filter is answered in place: the field marked with the reason, the rest of the page kept.
	if (askedTz && !parseTimeZone(askedTz)) return invalidFilterPage(raw, 'tz', notATimeZone(askedTz), zoneData, own);
	const parsed = EventFilterSchema.safeParse(raw);
	if (!parsed.success) return invalidFilterPage(raw, String(parsed.error.issues[0].path[0] ?? 'query'), parsed.error.issues[0].message, zoneData, own);
	const filter = parsed.data;
	const scope = tenantScopeOf(user);
	const actorOnly = actorOnlyOf(user);
	const now = new Date();
	const eventId = url.searchParams.get('event');
	try {
		const [page, histogram, open, suggestions] = await Promise.all([
			listEvents(scope, filter, now, { actorOnly }),
			getHistogram(scope, { ...filter, cursor: undefined }, now, { timezone: timeZone, actorOnly }),
			eventId && z.uuid().safeParse(eventId).success ? getEvent(scope, eventId) : null,
			listFilterSuggestions(scope, filter, now, { actorOnly })
		]);
		// A member may open only their own events; anything else is "not found", as on /events/{id}.
		const mine = (e: NonNullable<typeof open>) => !actorOnly || [e.actor?.id, e.actor?.email].some((v) => v?.toLowerCase() === actorOnly);
		return {
			page,
			histogram: { ...histogram, intervalMs: INTERVALS[histogram.interval] * 1000 },
			filter: { ...filter, cursor: undefined, dir: undefined } as Record<string, unknown> & typeof filter,
			filterError: null,
			suggestions,
			...zoneData,
			own,
			open: open && mine(open) ? open : null,
			openMissing: !!eventId && !(open && mine(open))
		};
	} catch (e) {
		if (e instanceof FilterError && e.param !== 'tenant') return invalidFilterPage(raw, e.param, e.message.slice(e.param.length + 2), zoneData, own);
		if (e instanceof FilterError) error(403, `This filter is not valid: ${e.message}.`);
		throw e;
	}
}) satisfies PageServerLoad;
