import type { RequestHandler } from './$types';
import { alertFilterOf, alertProblem } from '$lib/alerts/api.server';
import { toAlertJson } from '$lib/server/alerts/alert-json';
import { callerOf } from '$lib/server/http/alert-caller';
import { jsonResponse } from '$lib/server/http/problem';
import { listAlerts } from '$lib/server/queries/alerts/list-alerts';

/** Alerts newest first; filters tenant, status, severity, rule_id (status and severity take comma lists), since, limit. */
export const GET: RequestHandler = async ({ request, url, locals }) => {
	const caller = await callerOf(request, locals.user, 'alerts:read');
	if (caller instanceof Response) return caller;
	const filter = alertFilterOf(url, new Date());
	if (filter instanceof Response) return filter;
	try {
		return jsonResponse(200, { alerts: (await listAlerts(caller.scope, filter)).map(toAlertJson) });
	} catch (e) {
		return alertProblem(e);
	}
};
