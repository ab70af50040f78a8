import { query } from '../../clickhouse/query';
import { toChTime } from '../../clickhouse/time';
import { z } from 'zod';
import { CONTENT_HASH_SQL } from '../events/event-columns';

/** Only what the canonical form, the seal windows and the stored hash need: a third fewer columns than an event read. */
export const VERIFY_COLUMNS = `toString(id) AS id, tenant, toString(occurred_at) AS occurred_at, toString(received_at) AS received_at,
	source, actor_id, actor_name, actor_email, actor_type, action, category, toString(outcome) AS outcome, reason,
	target_type, target_id, target_name, IPv6NumToString(ip) AS ip, user_agent, session_id, request_id, changes, details, ${CONTENT_HASH_SQL} AS content_hash`;

export const VerifyRow = z.object({
	id: z.string(), tenant: z.string(), occurred_at: z.string(), received_at: z.string(), source: z.string(), actor_id: z.string(), actor_name: z.string(),
	actor_email: z.string(), actor_type: z.string(), action: z.string(), category: z.string(), outcome: z.string(), reason: z.string(), target_type: z.string(),
	target_id: z.string(), target_name: z.string(), ip: z.string(), user_agent: z.string(), session_id: z.string(), request_id: z.string(), changes: z.string(),
	details: z.string(), content_hash: z.string()
});
export type VerifyRow = z.infer<typeof VerifyRow>;

/**
 * One page of a tenant's events with occurred_at in [from, to), every column a verification
 * recomputes, in seal order after the keyset `after` (occurred_at as stored, then the id's text).
 * Pages, not one stream: a streamed result holds the embedded engine (ARCHITECTURE.md).
 */
export function listPeriodEvents(r: { tenant: string; from: Date; to: Date; after: { at: string; id: string } | null; limit: number }): Promise<VerifyRow[]> {
	return query({
		name: 'seals.listPeriodEvents',
		row: VerifyRow,
		params: { tenant: r.tenant, from: toChTime(r.from), to: toChTime(r.to), afterAt: r.after?.at ?? '1970-01-01 00:00:00.000', afterId: r.after?.id ?? '', limit: r.limit },
		sql: `SELECT ${VERIFY_COLUMNS} FROM events
			WHERE tenant = {tenant:String} AND occurred_at >= {from:DateTime64(3)} AND occurred_at < {to:DateTime64(3)}
			  AND (occurred_at, toString(id)) > ({afterAt:DateTime64(3)}, {afterId:String})
			ORDER BY occurred_at, toString(id) LIMIT {limit:UInt32}`
	});
}

/** These events of a tenant with occurred_at in [from, to) (the few the engine's canonical form does not stand for). */
export function listVerifyRowsByIds(r: { tenant: string; from: Date; to: Date; ids: readonly string[] }): Promise<VerifyRow[]> {
	if (r.ids.length === 0) return Promise.resolve([]);
	return query({
		name: 'seals.listVerifyRowsByIds',
		row: VerifyRow,
		params: { tenant: r.tenant, from: toChTime(r.from), to: toChTime(r.to), ids: r.ids },
		sql: `SELECT ${VERIFY_COLUMNS} FROM events
			WHERE tenant = {tenant:String} AND occurred_at >= {from:DateTime64(3)} AND occurred_at < {to:DateTime64(3)} AND id IN {ids:Array(UUID)}`
	});
}

const IdRow = z.object({ id: z.string() });

/** A tenant's event ids with occurred_at in [from, to), in seal order: read only to name what a verification found. */
export async function listPeriodIds(r: { tenant: string; from: Date; to: Date }): Promise<string[]> {
	const rows = await query({
		name: 'seals.listPeriodIds',
		row: IdRow,
		params: { tenant: r.tenant, from: toChTime(r.from), to: toChTime(r.to) },
		sql: `SELECT toString(id) AS id FROM events
			WHERE tenant = {tenant:String} AND occurred_at >= {from:DateTime64(3)} AND occurred_at < {to:DateTime64(3)}
			ORDER BY occurred_at, toString(id)`
	});
	return rows.map((x) => x.id);
}
