import { query } from '../../clickhouse/query';
import { USER_COLUMNS, UserRow, type StoredUser } from './user-row';

export async function getUserById(id: string): Promise<StoredUser | null> {
	const rows = await query({ name: 'users.getUserById', row: UserRow, params: { id }, sql: `SELECT ${USER_COLUMNS} FROM users FINAL WHERE id = {id:String} LIMIT 1` });
	return rows[0] ?? null;
}
