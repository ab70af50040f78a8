import { randomBytes } from 'node:crypto';
import type { NewUserInput, UserPatch } from '../../schemas/user';
import { recordAudit } from '../audit/record-audit';
import { createSerial } from '../serial';
import { ADMINISTRATION, authorize, authorizeGrant, permissionsOfRole, scopeOfTenants, type Principal } from './authority';
import { DomainError } from './domain-error';
import { hashPassword } from './passwords';
import { revokeUserSessions } from './sessions';
import { getUserByEmail } from '../queries/users/get-user-by-email';
import { getUserById } from '../queries/users/get-user-by-id';
import { insertUserVersion } from '../queries/users/insert-user-version';
import { listUsers } from '../queries/users/list-users';
import type { StoredUser } from '../queries/users/user-row';
import { insertUser, toUser, type User } from './users';

export interface RequestMeta {
	ip?: string;
	userAgent?: string;
}

/** What the audit trail keeps of a user: everything but the password hash. */
const auditView = (u: StoredUser) => ({ email: u.email, name: u.name, role: u.role, tenants: u.tenants, active: u.active });

// Users are written as versions of one row; serialising changes in this process keeps two
// concurrent edits from both reading the same "before" (and two creations of one email).
const serial = createSerial();

/** Creates a user no wider than its creator; without a password one is generated and returned once, to hand over. */
export function createUserAccount(input: NewUserInput, principal: Principal, meta: RequestMeta, now = new Date()): Promise<{ user: User; generatedPassword?: string }> {
	const by = principal.actor;
	return serial(async () => {
		authorize(principal, 'users:manage', ADMINISTRATION, 'administering users');
		authorizeGrant(principal, { permissions: permissionsOfRole(input.role), tenants: scopeOfTenants(input.tenants) }, 'this user');
		if (await getUserByEmail(input.email)) throw new DomainError(409, `a user with the email ${input.email} already exists`, 'email');
		const generatedPassword = input.password ? undefined : randomBytes(12).toString('base64url');
		const stored = await insertUser({ email: input.email, name: input.name, role: input.role, tenants: input.tenants, passwordHash: await hashPassword(input.password ?? generatedPassword!) }, now);
		await recordAudit({ actor: by, action: 'user_created', category: 'user_management', target: { type: 'user', id: stored.id, name: stored.email }, changes: { before: null, after: auditView(stored) }, ...meta }, now);
		return { user: toUser(stored), generatedPassword };
	});
}

const activeAdmins = (users: StoredUser[]) => users.filter((u) => u.active && u.role === 'admin');

/**
 * Changes a user. A change of role, tenants, password or activity ends their sessions, so the
 * new rights apply at once; the last active administrator cannot be demoted or deactivated.
 */
export function updateUserAccount(id: string, patch: UserPatch, principal: Principal, meta: RequestMeta, now = new Date()): Promise<User> {
	const by = principal.actor;
	return serial(async () => {
		const before = await getUserById(id);
		if (!before) throw new DomainError(404, 'no such user');
		authorize(principal, 'users:manage', ADMINISTRATION, 'administering users');
		const after: StoredUser = {
			...before,
			name: patch.name ?? before.name,
			role: patch.role ?? before.role,
			tenants: patch.tenants ?? before.tenants,
			active: patch.active ?? before.active,
			password_hash: patch.password ? await hashPassword(patch.password) : before.password_hash
		};
		authorizeGrant(principal, { permissions: permissionsOfRole(after.role), tenants: scopeOfTenants(after.tenants) }, 'this user');
		const wasAdmin = before.active && before.role === 'admin';
		const staysAdmin = after.active && after.role === 'admin';
		if (wasAdmin && !staysAdmin && activeAdmins(await listUsers()).length <= 1)
			throw new DomainError(409, 'at least one active administrator must remain', patch.active === false ? 'active' : 'role');
		const sameTenants = [...before.tenants].sort().join('\n') === [...after.tenants].sort().join('\n');
		const rightsChanged = before.role !== after.role || !sameTenants;
		const changed = rightsChanged || before.name !== after.name || before.active !== after.active || !!patch.password;
		if (!changed) return toUser(before);
		await insertUserVersion(after, now);
		const action = before.active && !after.active ? 'user_deactivated' : !before.active && after.active ? 'user_reactivated' : rightsChanged ? 'permissions_changed' : patch.password && !patch.name ? 'password_changed' : 'user_updated';
		const category = rightsChanged ? 'authorization' : 'user_management';
		const changes = { before: auditView(before), after: auditView(after) };
		await recordAudit({ actor: by, action, category, target: { type: 'user', id, name: after.email }, changes, details: patch.password ? { password_changed: true } : undefined, ...meta }, now);
		if (rightsChanged || !after.active || patch.password) await revokeUserSessions(id, now);
		return toUser(after);
	});
}
