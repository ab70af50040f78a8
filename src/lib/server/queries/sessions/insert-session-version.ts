import { insert } from '../../clickhouse/query';
import { rowVersion } from '../../clickhouse/time';
import type { Session } from './session-row';

export async function insertSessionVersion(s: Session, now: Date): Promise<void> {
	await insert('sessions.insertSessionVersion', 'sessions', [{ ...s, version: rowVersion(now) }]);
}
