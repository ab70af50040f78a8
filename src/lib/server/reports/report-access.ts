import { requireKey, scopeOf } from '../http/require-key';
import { problem } from '../http/problem';
import { tenantScopeOf, userCan } from '../auth/access';
import type { User } from '../auth/users';
import type { TenantScope } from '../queries/events/event-where';

/**
 * Who may read reports through the API: an API key with the read scope (bound keys see their
 * tenant only), or a signed-in person whose role has reports:read (members have none: 403).
 */
export async function reportScope(authorization: string | null, user: User | null): Promise<TenantScope | Response> {
	if (authorization || !user) {
		const key = await requireKey(authorization, 'read');
		return key instanceof Response ? key : scopeOf(key);
	}
	if (!userCan(user, 'reports:read')) return problem(403, 'your role has no access to reports');
	return tenantScopeOf(user);
}
