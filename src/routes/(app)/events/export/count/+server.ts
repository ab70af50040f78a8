import type { RequestHandler } from './$types';
import { userCan } from '$lib/server/auth/access';
import { TENANT_COOKIE } from '$lib/server/auth/cookies';
import { problem } from '$lib/server/http/problem';
import { countExport } from '$lib/server/export/export-request';
import { sessionExportContext } from '$lib/server/export/session-export';

/** `{count}`: how many events an export with these filters holds, for "Export 12,345 events?". */
export const GET: RequestHandler = async ({ locals, url, request, cookies }) => {
	if (!locals.user) return problem(401, 'sign in to export events');
	if (!userCan(locals.user, 'events:export')) return problem(403, 'your role may not export events');
	return countExport({ ...(await sessionExportContext(locals.user, cookies.get(TENANT_COOKIE))), params: url.searchParams, signal: request.signal });
};
