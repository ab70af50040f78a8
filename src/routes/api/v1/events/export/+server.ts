import type { RequestHandler } from './$types';
import { requireKey, scopeOf } from '$lib/server/http/require-key';
import { exportEvents } from '$lib/server/export/export-request';

/** The whole filtered set as CSV, NDJSON or JSON, streamed; the same filters as GET /api/v1/events. */
export const GET: RequestHandler = async ({ request, url, getClientAddress }) => {
	const key = await requireKey(request.headers.get('authorization'), 'read');
	if (key instanceof Response) return key;
	return exportEvents({
		params: url.searchParams,
		scope: scopeOf(key),
		actor: { id: key.id, name: key.name, type: 'api_key' },
		ip: getClientAddress(),
		userAgent: request.headers.get('user-agent') ?? undefined,
		signal: request.signal
	});
};
