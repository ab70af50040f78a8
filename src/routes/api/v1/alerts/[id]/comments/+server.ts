import type { RequestHandler } from './$types';
import { alertProblem } from '$lib/alerts/api.server';
import { readJsonBody } from '$lib/admin/api.server';
import { requestMetaOf } from '$lib/admin/request-meta';
import { AlertCommentSchema } from '$lib/schemas/alert-query';
import { getAlertHistory } from '$lib/server/alerts/alert-history';
import { commentOnAlert } from '$lib/server/alerts/alert-lifecycle';
import { callerOf } from '$lib/server/http/alert-caller';
import { jsonResponse } from '$lib/server/http/problem';

/** Adds `{comment}` to the alert's history without changing its status; 201 with the whole history. */
export const POST: RequestHandler = async (event) => {
	const caller = await callerOf(event.request, event.locals.user, 'alerts:manage');
	if (caller instanceof Response) return caller;
	const body = await readJsonBody(event.request, AlertCommentSchema);
	if (!body.ok) return body.response;
	try {
		const alert = await commentOnAlert(caller.scope, event.params.id, caller.actor, body.data.comment, requestMetaOf(event));
		return jsonResponse(201, { history: await getAlertHistory(alert) });
	} catch (e) {
		return alertProblem(e);
	}
};
