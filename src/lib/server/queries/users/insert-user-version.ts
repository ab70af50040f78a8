import { insert } from '../../clickhouse/query';
import { rowVersion, toChTime } from '../../clickhouse/time';
import type { StoredUser } from './user-row';

/** Writes the whole new state of a user as a newer version. */
export async function insertUserVersion(u: StoredUser, now: Date): Promise<void> {
	await insert('users.insertUserVersion', 'users', [{ ...u, updated_at: toChTime(now), version: rowVersion(now) }]);
}
