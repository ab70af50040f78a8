import type { RequestHandler } from './$types';
import { z } from 'zod';
import { jsonResponse, problem } from '$lib/server/http/problem';
import { requireKey, scopeOf } from '$lib/server/http/require-key';
import { getEvent } from '$lib/server/queries/events/get-event';

export const GET: RequestHandler = async ({ request, params }) => {
	const key = await requireKey(request.headers.get('authorization'), 'read');
	if (key instanceof Response) return key;
	if (!z.uuid().safeParse(params.id).success) return problem(400, `"${params.id}" is not an event id (a UUID)`, { parameter: 'id' });
	const event = await getEvent(scopeOf(key), params.id);
	return event ? jsonResponse(200, event) : problem(404, 'no such event');
};
