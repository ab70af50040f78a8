import type { RequestHandler } from './$types';
import { userCan } from '$lib/server/auth/access';
import { TENANT_COOKIE } from '$lib/server/auth/cookies';
import { problem } from '$lib/server/http/problem';
import { exportEvents } from '$lib/server/export/export-request';
import { sessionExportContext } from '$lib/server/export/session-export';

/** The timeline's "Export CSV / JSON": the whole filtered set the page shows, as a download. */
export const GET: RequestHandler = async ({ locals, url, request, cookies, getClientAddress }) => {
	if (!locals.user) return problem(401, 'sign in to export events');
	if (!userCan(locals.user, 'events:export')) return problem(403, 'your role may not export events');
	return exportEvents({
		...(await sessionExportContext(locals.user, cookies.get(TENANT_COOKIE))),
		params: url.searchParams,
		ip: getClientAddress(),
		userAgent: request.headers.get('user-agent') ?? undefined,
		signal: request.signal
	});
};
