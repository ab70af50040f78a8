import { error } from '@sveltejs/kit';
import type { Permission } from '$lib/schemas/roles';
import { authorize, principalOfUser, type Principal } from '$lib/server/auth/authority';
import { DomainError } from '$lib/server/auth/domain-error';
import type { TenantScope } from '$lib/server/queries/events/event-where';
import { sentence } from './issues';

/** The signed-in user as a principal that passed the one access check, or the 403 page naming why. */
export function pagePrincipal(locals: App.Locals, need: Permission, tenants?: TenantScope, what?: string): Principal {
	if (!locals.user) error(403, 'Sign in first');
	const principal = principalOfUser(locals.user);
	try {
		authorize(principal, need, tenants, what);
	} catch (e) {
		if (e instanceof DomainError) error(e.status, sentence(e.message));
		throw e;
	}
	return principal;
}
