import type { RequestHandler } from './$types';
import { principalOfKey } from '$lib/server/auth/authority';
import { revokeKeyAudited } from '$lib/server/auth/manage-keys';
import { domainProblem, requireAdminKey } from '$lib/admin/api.server';
import { requestMetaOf } from '$lib/admin/request-meta';

/** Revokes a key at once and for good; revoking it again changes nothing and answers the same. */
export const DELETE: RequestHandler = async (event) => {
	const key = await requireAdminKey(event.request);
	if (key instanceof Response) return key;
	try {
		await revokeKeyAudited(event.params.id, principalOfKey(key), requestMetaOf(event));
		return new Response(null, { status: 204 });
	} catch (e) {
		return domainProblem(e);
	}
};
