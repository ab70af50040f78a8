import type { RequestHandler } from './$types';
import { listRulesWithStats } from '$lib/server/alerts/list-rules-with-stats';
import { callerOf } from '$lib/server/http/alert-caller';
import { jsonResponse } from '$lib/server/http/problem';

/** Every rule, its settings and how its evaluations went. */
export const GET: RequestHandler = async ({ request, locals }) => {
	const caller = await callerOf(request, locals.user, 'alerts:read');
	if (caller instanceof Response) return caller;
	return jsonResponse(200, { rules: await listRulesWithStats(new Date(), caller.scope) });
};
