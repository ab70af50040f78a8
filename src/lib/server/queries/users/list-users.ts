import { query } from '../../clickhouse/query';
import { USER_COLUMNS, UserRow, type StoredUser } from './user-row';

export function listUsers(): Promise<StoredUser[]> {
	return query({ name: 'users.listUsers', row: UserRow, sql: `SELECT ${USER_COLUMNS} FROM users FINAL ORDER BY active DESC, email` });
}
