import type { EventOutput } from '../../schemas/event-output';
import type { VerifyRow } from '../queries/seals/list-period-events';
import { canonicalIp, type CanonicalEvent } from './canonical';
import { chTimeToIso } from '../clickhouse/time';

const text = (s: string | null | undefined) => s ?? '';
const json = (v: unknown) => (v === null || v === undefined ? '' : JSON.stringify(v));

/** An event as the store returns it (times 'YYYY-MM-DD hh:mm:ss.sss', JSON as stored text). */
export function canonicalOfRow(r: VerifyRow): CanonicalEvent {
	return {
		id: r.id, tenant: r.tenant, occurred_at: chTimeToIso(r.occurred_at), source: r.source, actor_id: r.actor_id, actor_name: r.actor_name,
		actor_email: r.actor_email, actor_type: r.actor_type, action: r.action, category: r.category, outcome: r.outcome, reason: r.reason,
		target_type: r.target_type, target_id: r.target_id, target_name: r.target_name, ip: canonicalIp(r.ip), user_agent: r.user_agent,
		session_id: r.session_id, request_id: r.request_id, changes: r.changes, details: r.details
	};
}

/**
 * An event as the API and the archive write it (nulls for absent values, JSON as values). The
 * stored JSON text was written by JSON.stringify, so parsing and writing it again gives it back.
 */
export function canonicalOfOutput(e: EventOutput): CanonicalEvent {
	return {
		id: e.id, tenant: e.tenant, occurred_at: e.occurred_at, source: text(e.source), actor_id: text(e.actor?.id), actor_name: text(e.actor?.name),
		actor_email: text(e.actor?.email), actor_type: text(e.actor?.type), action: e.action, category: e.category, outcome: e.outcome, reason: text(e.reason),
		target_type: text(e.target?.type), target_id: text(e.target?.id), target_name: text(e.target?.name), ip: canonicalIp(e.ip), user_agent: text(e.user_agent),
		session_id: text(e.session_id), request_id: text(e.request_id), changes: json(e.changes), details: json(e.details)
	};
}
