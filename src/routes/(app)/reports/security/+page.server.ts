import type { PageServerLoad } from './$types';
import { error } from '@sveltejs/kit';
import { tenantScopeOf, userCan } from '$lib/server/auth/access';
import { localInput, periodFromParams, periodParams } from '$lib/reports/periods';
import { pageZones } from '$lib/server/reports/page-zone';
import { BROWSER_ZONE_COOKIE } from '$lib/time/zone-cookie';
import { ReportError } from '$lib/server/reports/report-query';
import { configurationChangesQuery, getSecurityReport } from '$lib/server/reports/security-report';

export const load = (async ({ locals, parent, url, cookies }) => {
	if (!userCan(locals.user, 'reports:read')) error(403, 'Reports are for analysts, auditors and administrators');
	const user = locals.user;
	const { tenant } = await parent();
	const zones = await pageZones(tenant, cookies.get(BROWSER_ZONE_COOKIE));
	const p = periodFromParams(url.searchParams, new Date(), zones.fallback);
	if ('param' in p) error(400, `This period is not valid: ${p.param} ${p.message}.`);
	try {
		const q = { scope: tenantScopeOf(user), tenant: tenant || undefined, from: p.from, to: p.to, timezone: p.tz };
		const report = await getSecurityReport(q);
		const period = { choice: p.choice, month: p.month, from: localInput(p.from, p.tz), to: localInput(p.to, p.tz), tz: p.tz, params: periodParams(p).toString() };
		return { report, period, zones: zones.offered, configQuery: configurationChangesQuery(q), apiQuery: new URLSearchParams({ ...(tenant ? { tenant } : {}), from: p.from.toISOString(), to: p.to.toISOString(), tz: p.tz }).toString() };
	} catch (e) {
		if (e instanceof ReportError) error(e.param === 'tenant' ? 403 : 400, e.message);
		throw e;
	}
}) satisfies PageServerLoad;
