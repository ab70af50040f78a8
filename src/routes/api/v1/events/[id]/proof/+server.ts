import type { RequestHandler } from './$types';
import { z } from 'zod';
import { callerOf } from '$lib/server/http/alert-caller';
import { jsonResponse, problem } from '$lib/server/http/problem';
import { getEventProof } from '$lib/server/seals/event-proof';

/**
 * GET /api/v1/events/{id}/proof: the event's Merkle path to its seal's root, the seal, and its
 * period's verification; 404 for an event absent or outside the caller's tenants, 409 while unsealed.
 */
export const GET: RequestHandler = async ({ request, params, locals }) => {
	if (!z.uuid().safeParse(params.id).success) return problem(400, `"${params.id}" is not an event id (a UUID)`, { parameter: 'id' });
	const caller = await callerOf(request, locals.user, 'reports:read');
	if (caller instanceof Response) return caller;
	const proof = await getEventProof(caller.scope, params.id);
	if (proof.kind === 'absent') return problem(404, 'no such event');
	if (proof.kind === 'unsealed') return problem(409, `not sealed yet: its period (${proof.period_start}) is sealed once it is past the settle time`, { period_start: proof.period_start });
	const { kind: _kind, ...body } = proof;
	return jsonResponse(200, body);
};
