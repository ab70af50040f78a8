import { z } from 'zod';
import { query } from '../../clickhouse/query';
import { ACCOUNT, DELETION } from '../event-kinds';
import { ACTOR_LABEL, MONTH_WHERE, monthParams, type MonthScope } from './month-where';

const Row = z.object({ account: z.string(), actor: z.string(), deletions: z.coerce.number() });

/** Deletions per actor, most first. */
export function listDeletionsByActor(s: MonthScope, limit: number) {
	return query({
		name: 'monthly.listDeletionsByActor',
		row: Row,
		params: { ...monthParams(s), limit },
		sql: `SELECT ${ACCOUNT} AS account, any(${ACTOR_LABEL}) AS actor, count() AS deletions
			FROM events WHERE ${MONTH_WHERE} AND ${DELETION}
			GROUP BY account ORDER BY deletions DESC, account LIMIT {limit:UInt32}`
	});
}
