import type { RequestHandler } from './$types';
import { alertProblem } from '$lib/alerts/api.server';
import { readJsonBody } from '$lib/admin/api.server';
import { requestMetaOf } from '$lib/admin/request-meta';
import { RuleEditApiSchema } from '$lib/schemas/rule';
import { toRuleJson } from '$lib/server/alerts/rule-json';
import { updateRule } from '$lib/server/alerts/rule-store';
import { callerOf } from '$lib/server/http/alert-caller';
import { jsonResponse } from '$lib/server/http/problem';

/** Changes any of window_minutes, threshold, single_threshold, severity, cooldown_minutes, recipients, enabled. */
export const PUT: RequestHandler = async (event) => {
	const caller = await callerOf(event.request, event.locals.user, 'settings:manage', '*', 'changing a rule');
	if (caller instanceof Response) return caller;
	const body = await readJsonBody(event.request, RuleEditApiSchema);
	if (!body.ok) return body.response;
	try {
		const stored = await updateRule(event.params.id, body.data, caller.actor, requestMetaOf(event));
		return jsonResponse(200, { rule: toRuleJson(stored, undefined, new Date()) });
	} catch (e) {
		return alertProblem(e);
	}
};
