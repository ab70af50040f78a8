import type { RequestHandler } from './$types';
import { ingest, MAX_EVENTS_PER_REQUEST } from '$lib/server/ingest/ingest';
import { jsonResponse, problem } from '$lib/server/http/problem';
import { MAX_BODY_BYTES, readBodyLimited } from '$lib/server/http/read-body';
import { requireKey, scopeOf } from '$lib/server/http/require-key';
import { parseFilter } from '$lib/server/http/parse-filter';
import { listEvents } from '$lib/server/queries/events/list-events';
import { FilterError } from '$lib/server/queries/events/event-where';

const TOO_LARGE = `the body is over ${MAX_BODY_BYTES / 1024 / 1024} MB; send at most ${MAX_EVENTS_PER_REQUEST} events and 10 MB per request`;

export const POST: RequestHandler = async ({ request }) => {
	const key = await requireKey(request.headers.get('authorization'), 'ingest');
	if (key instanceof Response) return key;
	const declared = Number(request.headers.get('content-length') ?? 0);
	if (declared > MAX_BODY_BYTES) return problem(413, TOO_LARGE);
	const body = await readBodyLimited(request.body);
	if (!body.ok) return problem(413, TOO_LARGE);
	const outcome = await ingest({
		text: body.text,
		contentType: request.headers.get('content-type') ?? '',
		key,
		idempotencyKey: request.headers.get('idempotency-key') ?? undefined,
		now: new Date()
	});
	if (outcome.status === 202) return jsonResponse(202, outcome.body);
	const { message, ...rest } = outcome.body;
	return problem(outcome.status, message, rest);
};

export const GET: RequestHandler = async ({ request, url }) => {
	const key = await requireKey(request.headers.get('authorization'), 'read');
	if (key instanceof Response) return key;
	const filter = parseFilter(url.searchParams);
	if (filter instanceof Response) return filter;
	try {
		return jsonResponse(200, await listEvents(scopeOf(key), filter, new Date(), { signal: request.signal }));
	} catch (e) {
		if (e instanceof FilterError) return problem(e.param === 'tenant' ? 403 : 400, e.message, { parameter: e.param });
		throw e;
	}
};
