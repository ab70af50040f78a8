import { query } from '../../clickhouse/query';
import { SESSION_COLUMNS, SessionRow, type Session } from './session-row';

export async function getSession(hash: string): Promise<Session | null> {
	const rows = await query({ name: 'sessions.getSession', row: SessionRow, params: { hash }, sql: `SELECT ${SESSION_COLUMNS} FROM sessions FINAL WHERE token_hash = {hash:String} LIMIT 1` });
	return rows[0] ?? null;
}
