import type { RequestHandler } from './$types';
import { getAlertHistory } from '$lib/server/alerts/alert-history';
import { toAlertJson } from '$lib/server/alerts/alert-json';
import { callerOf } from '$lib/server/http/alert-caller';
import { jsonResponse, problem } from '$lib/server/http/problem';
import { getAlert } from '$lib/server/queries/alerts/get-alert';
import { listAlertEvents } from '$lib/server/queries/alerts/list-alert-events';

/** One alert with its evidence events and its history (every status change and comment, oldest first). */
export const GET: RequestHandler = async ({ request, params, locals }) => {
	const caller = await callerOf(request, locals.user, 'alerts:read');
	if (caller instanceof Response) return caller;
	const alert = await getAlert(caller.scope, params.id);
	if (!alert) return problem(404, `no alert with the id "${params.id}"`);
	const [events, history] = await Promise.all([listAlertEvents({ tenant: alert.tenant, eventIds: alert.eventIds, from: alert.windowStart, to: alert.windowEnd }), getAlertHistory(alert)]);
	return jsonResponse(200, { alert: toAlertJson(alert), events, history });
};
