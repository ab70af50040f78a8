import { can, PERMISSIONS, type Permission, type Role } from '../../schemas/roles';
import type { AuditActor } from '../audit/record-audit';
import type { TenantScope } from '../queries/events/event-where';
import { auditActorOf, tenantScopeOf } from './access';
import type { ApiKey, Scope } from './api-keys';
import { DomainError } from './domain-error';
import type { User } from './users';

/**
 * Whoever acts, signed in or by API key, reduced to what every access check reads: what it may
 * do, in which tenants, and how the audit trail names it. Sessions and keys meet the same checks.
 */
export interface Principal {
	permissions: ReadonlySet<Permission>;
	tenants: TenantScope;
	actor: AuditActor;
}

const ALL_PERMISSIONS = Object.keys(PERMISSIONS) as Permission[];
export const permissionsOfRole = (role: Role) => new Set(ALL_PERMISSIONS.filter((p) => can(role, p)));

// A key has scopes, not a role. `read` reads what an auditor reads; `admin` implies every scope.
const SCOPE_PERMISSIONS: Record<Scope, readonly Permission[]> = {
	ingest: [],
	read: ['events:read', 'events:read-all-actors', 'events:export', 'reports:read', 'alerts:read'],
	admin: ALL_PERMISSIONS
};
export const permissionsOfScopes = (scopes: readonly Scope[]) => new Set(scopes.flatMap((s) => SCOPE_PERMISSIONS[s]));

export const principalOfUser = (u: User): Principal => ({ permissions: permissionsOfRole(u.role), tenants: tenantScopeOf(u), actor: auditActorOf(u) });

export const principalOfKey = (k: ApiKey): Principal => ({
	permissions: permissionsOfScopes(k.scopes),
	tenants: k.tenant ? [k.tenant] : '*',
	actor: { id: k.id, name: k.name, type: 'api_key' }
});

/** Trailscope itself (start-up, jobs, tests): every permission in every tenant. */
export const systemPrincipal = (actor: AuditActor): Principal => ({ permissions: new Set(ALL_PERMISSIONS), tenants: '*', actor });

/** Tenants as users store them (`["*"]` for every tenant) or keys do (null), as one scope. */
export const scopeOfTenants = (tenants: readonly string[] | string | null): TenantScope =>
	tenants === null || tenants === '*' || (Array.isArray(tenants) && tenants.includes('*')) ? '*' : typeof tenants === 'string' ? [tenants] : [...tenants];

/**
 * Users and keys are one list across tenants, and a grant made there can reach any tenant, so
 * administering them is a global thing: it needs an administrator of every tenant.
 */
export const ADMINISTRATION: TenantScope = '*';

/** Whether a principal's tenants include every one of `tenants` ('*': things that reach every tenant). */
export const covers = (p: Principal, tenants: TenantScope) => p.tenants === '*' || (tenants !== '*' && tenants.every((t) => p.tenants.includes(t)));

function refuseOutside(p: Principal, tenants: TenantScope, what: string): void {
	if (covers(p, tenants)) return;
	if (tenants === '*') throw new DomainError(403, `${what} reaches every tenant; only an administrator of every tenant may do that`);
	const outside = tenants.filter((t) => p.tenants === '*' || !p.tenants.includes(t));
	throw new DomainError(403, `${what} reaches tenant${outside.length > 1 ? 's' : ''} ${outside.map((t) => `"${t}"`).join(', ')}, outside yours`);
}

/**
 * The one access check: may `p` do `need` on something that spans `tenants` (default: none in
 * particular)? Global things (rules, users or keys for every tenant) pass '*'. Throws a 403.
 */
export function authorize(p: Principal, need: Permission, tenants: TenantScope = [], what = 'this'): void {
	if (!p.permissions.has(need)) throw new DomainError(403, `you may not do this (${need})`);
	refuseOutside(p, tenants, what);
}

/** Nothing created or changed may exceed its creator: every permission and tenant it grants must be the creator's. */
export function authorizeGrant(p: Principal, grant: { permissions: ReadonlySet<Permission>; tenants: TenantScope }, what: string): void {
	const beyond = [...grant.permissions].filter((x) => !p.permissions.has(x));
	if (beyond.length > 0) throw new DomainError(403, `${what} would be allowed what you are not (${beyond.join(', ')})`);
	refuseOutside(p, grant.tenants, what);
}
