import type { PageServerLoad } from './$types';
import { error } from '@sveltejs/kit';
import { tenantScopeOf, userCan } from '$lib/server/auth/access';
import { localInput, periodOrDefault, periodParams } from '$lib/reports/periods';
import { pageZones } from '$lib/server/reports/page-zone';
import { reportFilterOf } from '$lib/server/reports/report-filter';
import { BROWSER_ZONE_COOKIE } from '$lib/time/zone-cookie';
import { ReportError } from '$lib/server/reports/report-query';
import { configurationChangesQuery, getSecurityReport } from '$lib/server/reports/security-report';

export const load = (async ({ locals, parent, url, cookies }) => {
	if (!userCan(locals.user, 'reports:read')) error(403, 'Reports are for analysts, auditors and administrators');
	const user = locals.user;
	const { tenant } = await parent();
	const zones = await pageZones(tenant, cookies.get(BROWSER_ZONE_COOKIE));
	// Bad values answer in place: the field is marked with the reason, the report shows without it.
	const { p, error: periodError } = periodOrDefault(url.searchParams, new Date(), zones.fallback);
	const { filter, typed, problem } = reportFilterOf(url.searchParams);
	try {
		const q = { scope: tenantScopeOf(user), tenant: tenant || undefined, from: p.from, to: p.to, timezone: p.tz, filter };
		const report = await getSecurityReport(q);
		const period = { choice: p.choice, month: p.month, from: localInput(p.from, p.tz), to: localInput(p.to, p.tz), tz: p.tz, params: periodParams(p).toString() };
		const apiQuery = new URLSearchParams({ ...(tenant ? { tenant } : {}), from: p.from.toISOString(), to: p.to.toISOString(), tz: p.tz, ...report.filter });
		return {
			report,
			period,
			zones: zones.offered,
			configQuery: configurationChangesQuery(q),
			apiQuery: apiQuery.toString(),
			typed: { ...typed, ...(periodError?.param === 'tz' ? { tz: url.searchParams.get('tz') ?? '' } : {}) },
			errors: Object.fromEntries([periodError, problem].filter((x) => x !== null).map((x) => [x.param, x.message])) as Record<string, string>
		};
	} catch (e) {
		if (e instanceof ReportError) error(e.param === 'tenant' ? 403 : 400, e.message);
		throw e;
	}
}) satisfies PageServerLoad;
