import { query } from '../../clickhouse/query';
import { toChTime } from '../../clickhouse/time';
import { SESSION_COLUMNS, SessionRow, type Session } from './session-row';

/** A user's sessions that are neither revoked nor past their lifetime at `now`. */
export function listLiveSessions(userId: string, now: Date): Promise<Session[]> {
	return query({
		name: 'sessions.listLiveSessions',
		row: SessionRow,
		params: { userId, now: toChTime(now) },
		sql: `SELECT ${SESSION_COLUMNS} FROM sessions FINAL WHERE user_id = {userId:String} AND NOT revoked AND expires_at > {now:DateTime64(3)}`
	});
}
