import type { PageServerLoad } from './$types';
import { error } from '@sveltejs/kit';
import { alertFilterOf } from '$lib/alerts/api.server';
import { toAlertJson } from '$lib/server/alerts/alert-json';
import { BUILTIN_RULES } from '$lib/server/rules/builtin';
import { tenantScopeOf, userCan } from '$lib/server/auth/access';
import { AlertScopeError } from '$lib/server/queries/alerts/alert-scope';
import { listAlerts } from '$lib/server/queries/alerts/list-alerts';

export const load = (async ({ locals, url, parent }) => {
	if (!userCan(locals.user, 'alerts:read')) error(403, 'Your role may not see alerts');
	const { tenant } = await parent();
	const search = new URL(url);
	if (!search.searchParams.has('status')) search.searchParams.set('status', 'open,acknowledged');
	if (tenant && !search.searchParams.get('tenant')) search.searchParams.set('tenant', tenant);
	const filter = alertFilterOf(search, new Date());
	if (filter instanceof Response) error(400, `This filter is not valid: ${(await filter.json()).error.message}`);
	try {
		const alerts = await listAlerts(tenantScopeOf(locals.user), filter);
		return {
			alerts: alerts.map(toAlertJson),
			filter: { status: search.searchParams.get('status') ?? '', severity: url.searchParams.get('severity') ?? '', rule_id: url.searchParams.get('rule_id') ?? '' },
			rules: BUILTIN_RULES.map((r) => ({ id: r.id, name: r.name }))
		};
	} catch (e) {
		if (e instanceof AlertScopeError) error(403, e.message);
		throw e;
	}
}) satisfies PageServerLoad;
