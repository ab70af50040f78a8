import { query } from '../../clickhouse/query';
import { USER_COLUMNS, UserRow, type StoredUser } from './user-row';

export async function getUserByEmail(email: string): Promise<StoredUser | null> {
	const rows = await query({ name: 'users.getUserByEmail', row: UserRow, params: { email: email.trim().toLowerCase() }, sql: `SELECT ${USER_COLUMNS} FROM users FINAL WHERE email = {email:String} LIMIT 1` });
	return rows[0] ?? null;
}
