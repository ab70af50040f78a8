import type { Permission } from '../../schemas/roles';
import type { AuditActor } from '../audit/record-audit';
import { auditActorOf, tenantScopeOf, userCan } from '../auth/access';
import type { Scope } from '../auth/api-keys';
import type { User } from '../auth/users';
import type { TenantScope } from '../queries/events/event-where';
import { problem } from './problem';
import { requireKey, scopeOf } from './require-key';

export interface Caller {
	scope: TenantScope;
	actor: AuditActor;
}

// An API key has scopes, not a role: reading alerts needs `read`; handling them and editing rules, `admin`.
const KEY_SCOPE: Partial<Record<Permission, Scope>> = { 'alerts:read': 'read', 'alerts:manage': 'admin', 'settings:manage': 'admin' };

/**
 * Who calls an alerts or rules endpoint: an API key (Authorization header) or the signed-in
 * user of the browser session, with the permission asked for; else the 401/403 to answer.
 */
export async function callerOf(request: Request, user: User | null, need: Permission): Promise<Caller | Response> {
	if (request.headers.has('authorization') || !user) {
		const scope = KEY_SCOPE[need];
		if (!scope) return problem(403, `an API key cannot ${need}`);
		const key = await requireKey(request.headers.get('authorization'), scope);
		if (key instanceof Response) return key;
		// Rules apply to every tenant: a key bound to one may not change them.
		if (need === 'settings:manage' && key.tenant) return problem(403, `this API key is bound to the tenant "${key.tenant}"; rules apply to every tenant`);
		return { scope: scopeOf(key), actor: { id: key.id, name: key.name, type: 'api_key' } };
	}
	if (!userCan(user, need)) return problem(403, `your role may not do this (${need})`);
	return { scope: tenantScopeOf(user), actor: auditActorOf(user) };
}
