import type { RequestHandler } from './$types';
import { NewKeySchema } from '$lib/schemas/user';
import { listApiKeys } from '$lib/server/queries/keys/list-api-keys';
import { createKeyAudited } from '$lib/server/auth/manage-keys';
import { jsonResponse } from '$lib/server/http/problem';
import { adminWrite, requireAdminKey } from '$lib/admin/api.server';

/** Every key, revoked ones last: never a secret or its hash. `tenant` is null for a key for all tenants. */
export const GET: RequestHandler = async ({ request }) => {
	const key = await requireAdminKey(request);
	if (key instanceof Response) return key;
	const keys = (await listApiKeys()).map((k) => ({ ...k, tenant: k.tenant || null }));
	return jsonResponse(200, { keys });
};

/** Creates a key; its secret is in this answer and nowhere else, ever. */
export const POST: RequestHandler = (event) =>
	adminWrite(event, NewKeySchema, async (input, by, meta) => {
		const created = await createKeyAudited(input, by, meta);
		return jsonResponse(201, created, { location: `/api/v1/keys/${created.key.id}`, 'cache-control': 'no-store' });
	});
