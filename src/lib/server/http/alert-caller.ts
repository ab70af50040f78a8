import type { Permission } from '../../schemas/roles';
import type { AuditActor } from '../audit/record-audit';
import { authorize, principalOfKey, principalOfUser, type Principal } from '../auth/authority';
import type { Scope } from '../auth/api-keys';
import { DomainError } from '../auth/domain-error';
import type { User } from '../auth/users';
import type { TenantScope } from '../queries/events/event-where';
import { problem } from './problem';
import { requireKey } from './require-key';

export interface Caller {
	scope: TenantScope;
	actor: AuditActor;
	principal: Principal;
}

// The scope a key must carry to be let in at all; what it may then do is the same check as a session's.
const KEY_SCOPE: Partial<Record<Permission, Scope>> = { 'alerts:read': 'read', 'reports:read': 'read', 'alerts:manage': 'admin', 'settings:manage': 'admin' };

/**
 * Who calls an alerts or rules endpoint: an API key (Authorization header) or the signed-in
 * user of the browser session, through the one access check for `need` over `tenants` ('*' for
 * things that apply to every tenant, such as rules); else the 401/403 to answer.
 */
export async function callerOf(request: Request, user: User | null, need: Permission, tenants?: TenantScope, what?: string): Promise<Caller | Response> {
	let principal: Principal;
	if (request.headers.has('authorization') || !user) {
		const scope = KEY_SCOPE[need];
		if (!scope) return problem(403, `an API key cannot ${need}`);
		const key = await requireKey(request.headers.get('authorization'), scope);
		if (key instanceof Response) return key;
		principal = principalOfKey(key);
	} else principal = principalOfUser(user);
	try {
		authorize(principal, need, tenants, what);
	} catch (e) {
		if (e instanceof DomainError) return problem(e.status, e.message);
		throw e;
	}
	return { scope: principal.tenants, actor: principal.actor, principal };
}
