import type { RequestHandler } from './$types';
import { alertFilterOf, alertProblem } from '$lib/alerts/api.server';
import { toAlertJson } from '$lib/server/alerts/alert-json';
import { callerOf } from '$lib/server/http/alert-caller';
import { jsonResponse } from '$lib/server/http/problem';
import { countAlerts } from '$lib/server/queries/alerts/count-alerts';
import { countRelatedAlerts, listAlerts } from '$lib/server/queries/alerts/list-alerts';

/**
 * Alerts newest first, a page at a time with the total over every page: filters tenant, status,
 * severity, rule_id (status and severity take comma lists), group (an IP, account or user, or part
 * of one), since or from, to; paging limit (default 100) and page (from 1).
 */
export const GET: RequestHandler = async ({ request, url, locals }) => {
	const caller = await callerOf(request, locals.user, 'alerts:read');
	if (caller instanceof Response) return caller;
	const filter = alertFilterOf(url, new Date());
	if (filter instanceof Response) return filter;
	try {
		const [alerts, total] = await Promise.all([listAlerts(caller.scope, filter), countAlerts(caller.scope, filter)]);
		const related = await countRelatedAlerts(alerts.map((a) => a.id));
		const page = (filter.offset ?? 0) / filter.limit + 1;
		const json = alerts.map((a) => ({ ...toAlertJson(a), related_alerts: related.get(a.id) ?? 0 }));
		return jsonResponse(200, { alerts: json, total, page, limit: filter.limit, next_page: page * filter.limit < total ? page + 1 : null });
	} catch (e) {
		return alertProblem(e);
	}
};
