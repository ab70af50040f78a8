import type { PageServerLoad } from './$types';
import { error } from '@sveltejs/kit';
import { alertFilterOf } from '$lib/alerts/api.server';
import { toAlertJson } from '$lib/server/alerts/alert-json';
import { BUILTIN_RULES } from '$lib/server/rules/builtin';
import { tenantScopeOf, userCan } from '$lib/server/auth/access';
import { AlertScopeError } from '$lib/server/queries/alerts/alert-scope';
import { countAlerts } from '$lib/server/queries/alerts/count-alerts';
import { countRelatedAlerts, listAlerts } from '$lib/server/queries/alerts/list-alerts';

const PAGE_SIZE = 50;

export const load = (async ({ locals, url, parent }) => {
	if (!userCan(locals.user, 'alerts:read')) error(403, 'Your role may not see alerts');
	const { tenant } = await parent();
	const search = new URL(url);
	if (!search.searchParams.has('status')) search.searchParams.set('status', 'open,acknowledged');
	if (tenant && !search.searchParams.get('tenant')) search.searchParams.set('tenant', tenant);
	search.searchParams.set('limit', String(PAGE_SIZE));
	// A bad filter answers in place: it is left out, named with its reason, and the rest still filters.
	let filter = alertFilterOf(search, new Date());
	let filterError: { param: string; message: string } | null = null;
	// Each pass leaves out one bad parameter, so this ends.
	while (filter instanceof Response) {
		const { parameter, message } = (await filter.json()).error as { parameter: string; message: string };
		if (parameter === 'tenant' || !search.searchParams.has(parameter)) error(400, `This filter is not valid: ${message}`);
		filterError ??= { param: parameter === 'from' ? 'since' : parameter, message: message.slice(parameter.length + 2) };
		search.searchParams.delete(parameter);
		if (parameter === 'status') search.searchParams.set('status', 'open,acknowledged');
		filter = alertFilterOf(search, new Date());
	}
	const get = (k: string) => search.searchParams.get(k) ?? '';
	try {
		const scope = tenantScopeOf(locals.user);
		const [alerts, total] = await Promise.all([listAlerts(scope, filter), countAlerts(scope, filter)]);
		const related = await countRelatedAlerts(alerts.map((a) => a.id));
		return {
			alerts: alerts.map((a) => ({ ...toAlertJson(a), related_alerts: related.get(a.id) ?? 0 })),
			total,
			offset: filter.offset ?? 0,
			pageSize: PAGE_SIZE,
			filter: { status: get('status'), severity: get('severity'), rule_id: get('rule_id'), group: get('group'), since: get('since') || 'now-30d', to: get('to') },
			rules: BUILTIN_RULES.map((r) => ({ id: r.id, name: r.name })),
			filterError
		};
	} catch (e) {
		if (e instanceof AlertScopeError) error(403, e.message);
		throw e;
	}
}) satisfies PageServerLoad;
