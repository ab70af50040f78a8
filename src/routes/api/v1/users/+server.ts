import type { RequestHandler } from './$types';
import { NewUserSchema } from '$lib/schemas/user';
import { createUserAccount } from '$lib/server/auth/manage-users';
import { toUser } from '$lib/server/auth/users';
import { listUsers } from '$lib/server/queries/users/list-users';
import { jsonResponse } from '$lib/server/http/problem';
import { adminWrite, requireAdminKey } from '$lib/admin/api.server';

export const GET: RequestHandler = async ({ request }) => {
	const key = await requireAdminKey(request);
	if (key instanceof Response) return key;
	return jsonResponse(200, { users: (await listUsers()).map(toUser) });
};

/** Creates a user; without a password one is generated and answered this once. */
export const POST: RequestHandler = (event) =>
	adminWrite(event, NewUserSchema, async (input, by, meta) => {
		const { user, generatedPassword } = await createUserAccount(input, by, meta);
		return jsonResponse(201, generatedPassword ? { user, generated_password: generatedPassword } : { user }, { location: `/api/v1/users/${user.id}`, 'cache-control': 'no-store' });
	});
