import type { PageServerLoad } from './$types';
import { error } from '@sveltejs/kit';
import { EventFilterSchema } from '$lib/schemas/event-filter';
import { getConfig } from '$lib/server/config';
import { actorOnlyOf, tenantScopeOf, userCan } from '$lib/server/auth/access';
import { getStoreSummary } from '$lib/server/queries/events/get-store-summary';
import { localInput, periodOrDefault, periodParams } from '$lib/reports/periods';
import { getOverview } from '$lib/server/reports/overview';
import { pageZones } from '$lib/server/reports/page-zone';
import { BROWSER_ZONE_COOKIE } from '$lib/time/zone-cookie';
import { ReportError } from '$lib/server/reports/report-query';

export const load = (async ({ locals, parent, url, cookies }) => {
	const { tenant } = await parent();
	const user = locals.user!;
	const now = new Date();
	const zones = await pageZones(tenant, cookies.get(BROWSER_ZONE_COOKIE));
	// A bad period answers in place: the field marked with the reason, the default period shown.
	const { p, error: periodError } = periodOrDefault(url.searchParams, now, zones.fallback);
	const errors: Record<string, string> = periodError ? { [periodError.param]: periodError.message } : {};
	const typedTz = periodError?.param === 'tz' ? (url.searchParams.get('tz') ?? undefined) : undefined;
	const period = { choice: p.choice, month: p.month, from: localInput(p.from, p.tz), to: localInput(p.to, p.tz), fromIso: p.from.toISOString(), toIso: p.to.toISOString(), tz: p.tz, params: periodParams(p).toString() };
	const base = { appUrl: getConfig().http.appUrl, period, zones: zones.offered, errors, typedTz };
	if (!userCan(user, 'reports:read')) {
		// Members see their own activity only, never figures about other people.
		const filter = EventFilterSchema.parse({ from: p.from.toISOString(), to: p.to.toISOString(), tenant: tenant || undefined });
		const own = await getStoreSummary(tenantScopeOf(user), filter, now, actorOnlyOf(user));
		return { ...base, own, overview: null };
	}
	const q = { scope: tenantScopeOf(user), tenant: tenant || undefined, from: p.from, to: p.to, timezone: p.tz };
	try {
		const overview = await getOverview(q, { ...q, ...p.previous });
		return { ...base, own: null, overview };
	} catch (e) {
		if (e instanceof ReportError) error(e.param === 'tenant' ? 403 : 400, e.message);
		throw e;
	}
}) satisfies PageServerLoad;
