import type { RequestHandler } from './$types';
import { getConfig } from '$lib/server/config';
import { callerOf } from '$lib/server/http/alert-caller';
import { jsonResponse } from '$lib/server/http/problem';
import { loadSealKey } from '$lib/server/seals/seal-key';

/** GET /api/v1/seals/public-key: the Ed25519 key seals verify with (give it to auditors out of band too). */
export const GET: RequestHandler = async ({ request, locals }) => {
	const caller = await callerOf(request, locals.user, 'reports:read');
	if (caller instanceof Response) return caller;
	const key = loadSealKey(getConfig().seals.keyFile);
	return jsonResponse(200, { algorithm: 'Ed25519', key_id: key.keyId, public_key: key.publicPem, period_minutes: getConfig().seals.periodMs / 60_000 });
};
