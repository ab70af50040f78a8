import type { RequestHandler } from './$types';
import { UserPatchSchema } from '$lib/schemas/user';
import { updateUserAccount } from '$lib/server/auth/manage-users';
import { jsonResponse } from '$lib/server/http/problem';
import { principalOfKey } from '$lib/server/auth/authority';
import { domainProblem, readJsonBody, requireAdminKey } from '$lib/admin/api.server';
import { requestMetaOf } from '$lib/admin/request-meta';

/** Changes any of name, role, tenants, active and password; the user's sessions end when their rights do. */
export const PATCH: RequestHandler = async (event) => {
	const key = await requireAdminKey(event.request);
	if (key instanceof Response) return key;
	const body = await readJsonBody(event.request, UserPatchSchema);
	if (!body.ok) return body.response;
	try {
		return jsonResponse(200, { user: await updateUserAccount(event.params.id, body.data, principalOfKey(key), requestMetaOf(event)) });
	} catch (e) {
		return domainProblem(e);
	}
};
