import { z } from 'zod';
import { EventFilterSchema, filterParams } from '../../../schemas/event-filter';
import { query } from '../../clickhouse/query';
import { ACCOUNT, FAILED_SIGN_IN, SIGN_IN } from '../event-kinds';
import { buildEventWhere } from '../events/event-where';

const Row = z.object({ account: z.string(), name: z.string(), events: z.coerce.number(), failures: z.coerce.number(), sign_ins: z.coerce.number() });
export type IncidentAccount = z.infer<typeof Row>;

/**
 * The accounts in an incident's events (each alert's evidence filter), with their failed and
 * successful sign-ins: the accounts a spray tried, and which of them then signed in.
 */
export async function listIncidentAccounts(evidenceQueries: readonly string[], now: Date, limit = 50): Promise<IncidentAccount[]> {
	const merged = new Map<string, IncidentAccount>();
	for (const q of evidenceQueries.filter(Boolean)) {
		const where = buildEventWhere(EventFilterSchema.parse(filterParams(new URLSearchParams(q))), '*', now);
		const rows = await query({
			name: 'alerts.listIncidentAccounts',
			row: Row,
			params: { ...where.params, limit },
			sql: `SELECT ${ACCOUNT} AS account, any(actor_name) AS name, count() AS events, countIf(${FAILED_SIGN_IN}) AS failures, countIf(${SIGN_IN}) AS sign_ins
				FROM events WHERE ${where.sql} AND ${ACCOUNT} != ''
				GROUP BY account ORDER BY sign_ins DESC, failures DESC, account LIMIT {limit:UInt32}`
		});
		for (const r of rows) {
			const m = merged.get(r.account);
			// Alerts of one incident often count the same events: keep the larger figure of each.
			merged.set(r.account, m ? { ...m, events: Math.max(m.events, r.events), failures: Math.max(m.failures, r.failures), sign_ins: Math.max(m.sign_ins, r.sign_ins) } : r);
		}
	}
	return [...merged.values()].sort((a, b) => b.sign_ins - a.sign_ins || b.failures - a.failures || a.account.localeCompare(b.account)).slice(0, limit);
}
