import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { insert, query } from '../clickhouse/query';
import { rowVersion, toChTime } from '../clickhouse/time';
import { ROLES, type Role } from '../../schemas/roles';

export const UserRow = z.object({
	id: z.string(),
	email: z.string(),
	name: z.string(),
	role: z.enum(ROLES),
	tenants: z.array(z.string()),
	password_hash: z.string(),
	active: z.coerce.boolean(),
	created_at: z.string(),
	updated_at: z.string()
});
export type StoredUser = z.infer<typeof UserRow>;

/** A user as shown to people and the API: never the password hash. */
export type User = Omit<StoredUser, 'password_hash'> & { tenants: string[] };

export const toUser = ({ password_hash: _h, ...u }: StoredUser): User => u;
export const allTenants = (u: Pick<User, 'tenants'>) => u.tenants.includes('*');

const COLUMNS = `id, email, name, toString(role) AS role, tenants, password_hash, active, toString(created_at) AS created_at, toString(updated_at) AS updated_at`;

export async function getUserByEmail(email: string): Promise<StoredUser | null> {
	const rows = await query({ name: 'users.getUserByEmail', row: UserRow, params: { email: email.trim().toLowerCase() }, sql: `SELECT ${COLUMNS} FROM users FINAL WHERE email = {email:String} LIMIT 1` });
	return rows[0] ?? null;
}

export async function getUserById(id: string): Promise<StoredUser | null> {
	const rows = await query({ name: 'users.getUserById', row: UserRow, params: { id }, sql: `SELECT ${COLUMNS} FROM users FINAL WHERE id = {id:String} LIMIT 1` });
	return rows[0] ?? null;
}

export async function listUsers(): Promise<StoredUser[]> {
	return query({ name: 'users.listUsers', row: UserRow, sql: `SELECT ${COLUMNS} FROM users FINAL ORDER BY active DESC, email` });
}

const CountRow = z.object({ n: z.coerce.number() });
export async function countUsers(): Promise<number> {
	const [r] = await query({ name: 'users.countUsers', row: CountRow, sql: 'SELECT count() AS n FROM users FINAL' });
	return r.n;
}

/** Writes the whole new state of a user as a newer version. */
export async function insertUserVersion(u: StoredUser, now: Date): Promise<void> {
	await insert('users.insertUserVersion', 'users', [{ ...u, updated_at: toChTime(now), version: rowVersion(now) }]);
}

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
