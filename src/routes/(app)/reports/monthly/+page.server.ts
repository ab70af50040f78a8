import type { PageServerLoad } from './$types';
import { error, redirect } from '@sveltejs/kit';
import { tenantScopeOf, userCan } from '$lib/server/auth/access';
import { getConfig } from '$lib/server/config';
import { dueMonth, shiftMonth } from '$lib/server/monthly/month';
import { listReportRuns } from '$lib/server/queries/monthly/report-runs';

export const load = (async ({ locals, parent, url }) => {
	if (!userCan(locals.user, 'reports:read')) error(403, 'Your role cannot see reports');
	// The preview form (a plain GET, so it works without JavaScript) lands on the month's page.
	const asked = url.searchParams.get('month');
	if (asked) redirect(303, `/reports/monthly/${encodeURIComponent(asked)}?${new URLSearchParams({ tenant: url.searchParams.get('tenant') ?? '' })}`);
	const { tenant, tenants } = await parent();
	const runs = await listReportRuns(tenantScopeOf(locals.user), tenant || undefined);
	const { timezone, recipients } = getConfig().monthlyReport;
	const latest = dueMonth(new Date(), timezone);
	return {
		runs,
		tenant,
		tenants,
		// The month now running, then the twelve before it.
		months: Array.from({ length: 13 }, (_, i) => shiftMonth(latest, 1 - i)),
		schedule: { timezone, recipients },
		canManage: userCan(locals.user, 'settings:manage')
	};
}) satisfies PageServerLoad;
