import type { RequestHandler } from './$types';
import { error, redirect } from '@sveltejs/kit';
import { getConfig } from '$lib/server/config';
import { allTenants } from '$lib/server/auth/users';
import { TENANT_COOKIE, sessionCookieOptions } from '$lib/server/auth/cookies';
import { localPath } from '$lib/server/http/local-path';

/** The tenant switcher: remembers the chosen tenant ('' for all the user's tenants). */
export const POST: RequestHandler = async ({ locals, request, cookies }) => {
	if (!locals.user) error(401, 'Sign in first');
	const form = await request.formData();
	const tenant = String(form.get('tenant') ?? '');
	if (tenant && !allTenants(locals.user) && !locals.user.tenants.includes(tenant)) error(403, 'You have no access to that tenant');
	cookies.set(TENANT_COOKIE, tenant, { ...sessionCookieOptions(getConfig().secureCookies), maxAge: 365 * 86400 });
	const back = String(form.get('back') ?? '/');
	redirect(303, localPath(back));
};
