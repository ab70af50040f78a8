import { randomUUID } from 'node:crypto';
import { toChTime } from '../clickhouse/time';
import type { Role } from '../../schemas/roles';
import { insertUserVersion } from '../queries/users/insert-user-version';
import type { StoredUser } from '../queries/users/user-row';

/** A user as shown to people and the API: never the password hash. */
export type User = Omit<StoredUser, 'password_hash'> & { tenants: string[] };

export const toUser = ({ password_hash: _h, ...u }: StoredUser): User => u;
export const allTenants = (u: Pick<User, 'tenants'>) => u.tenants.includes('*');

export interface NewUser {
	email: string;
	name: string;
	role: Role;
	tenants: string[];
	passwordHash: string;
}

export async function insertUser(n: NewUser, now: Date): Promise<StoredUser> {
	const u: StoredUser = {
		id: randomUUID(),
		email: n.email.trim().toLowerCase(),
		name: n.name.trim(),
		role: n.role,
		tenants: n.tenants,
		password_hash: n.passwordHash,
		active: true,
		created_at: toChTime(now),
		updated_at: toChTime(now)
	};
	await insertUserVersion(u, now);
	return u;
}
