import type { LayoutServerLoad } from './$types';
import { redirect } from '@sveltejs/kit';
import { can } from '$lib/schemas/roles';
import { allTenants } from '$lib/server/auth/users';
import { TENANT_COOKIE } from '$lib/server/auth/cookies';
import { listTenants } from '$lib/server/queries/events/list-tenants';
import { pageZones } from '$lib/server/reports/page-zone';
import { BROWSER_ZONE_COOKIE } from '$lib/time/zone-cookie';

export const load = (async ({ locals, cookies, url }) => {
	const user = locals.user;
	if (!user) redirect(303, `/login?next=${encodeURIComponent(url.pathname + url.search)}`);
	const tenants = allTenants(user) ? await listTenants() : user.tenants;
	const chosen = cookies.get(TENANT_COOKIE) ?? '';
	const tenant = tenants.includes(chosen) ? chosen : '';
	return {
		user: { name: user.name, email: user.email, role: user.role },
		tenants,
		// A tenant no longer granted falls back to all the user's tenants.
		tenant,
		// The one default zone of every page: the tenant's when one is chosen, else the browser's.
		zone: (await pageZones(tenant, cookies.get(BROWSER_ZONE_COOKIE))).fallback,
		// Users and keys are administered only by an administrator of every tenant (auth/authority.ts).
		nav: { admin: can(user.role, 'users:manage') && allTenants(user), settings: can(user.role, 'settings:manage'), reports: can(user.role, 'reports:read'), alerts: can(user.role, 'alerts:read') }
	};
}) satisfies LayoutServerLoad;
