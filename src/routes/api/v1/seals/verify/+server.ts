import type { RequestHandler } from './$types';
import { callerOf } from '$lib/server/http/alert-caller';
import { jsonResponse } from '$lib/server/http/problem';
import { parseSealRange } from '$lib/server/http/seal-range';
import { verifyStored } from '$lib/server/seals/run-seals';

/** GET /api/v1/seals/verify?tenant=&from=&to=: every period of the range recomputed from the store, and what differs. */
export const GET: RequestHandler = async ({ request, url, locals }) => {
	const range = parseSealRange(url, new Date());
	if (range instanceof Response) return range;
	const caller = await callerOf(request, locals.user, 'reports:read', [range.tenant], 'verifying this tenant');
	if (caller instanceof Response) return caller;
	return jsonResponse(200, await verifyStored(range.tenant, range.from, range.to));
};
