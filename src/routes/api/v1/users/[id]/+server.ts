import type { RequestHandler } from './$types';
import { UserPatchSchema } from '$lib/schemas/user';
import { updateUserAccount } from '$lib/server/auth/manage-users';
import { jsonResponse } from '$lib/server/http/problem';
import { adminWrite } from '$lib/admin/api.server';

/** Changes any of name, role, tenants, active and password; the user's sessions end when their rights do. */
export const PATCH: RequestHandler = (event) =>
	adminWrite(event, UserPatchSchema, async (patch, by, meta) => jsonResponse(200, { user: await updateUserAccount(event.params.id, patch, by, meta) }));
