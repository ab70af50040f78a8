import { can, type Permission } from '../../schemas/roles';
import type { TenantScope } from '../queries/events/event-where';
import { allTenants, type User } from './users';

/** The tenants a user may read: all, or the ones granted. */
export const tenantScopeOf = (u: User): TenantScope => (allTenants(u) ? '*' : u.tenants);

/** A member sees only events they did: their email as actor id or actor email. */
export const actorOnlyOf = (u: User): string | undefined => (can(u.role, 'events:read-all-actors') ? undefined : u.email);

export const userCan = (u: User | null, p: Permission): u is User => !!u && can(u.role, p);

/** The actor Trailscope's own audit trail names for this user. */
export const auditActorOf = (u: User) => ({ id: u.id, email: u.email, name: u.name, type: 'user' as const });
