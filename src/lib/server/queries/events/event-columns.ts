import { z } from 'zod';
import { displayIp } from '../../ingest/ip';

/** The stored hash as text: form-1 hashes (before clickhouse/0060) are 32 hex padded with zero bytes by the wider column. */
export const CONTENT_HASH_SQL = 'if(hash_form = 1, toString(substring(content_hash, 1, 32)), toString(content_hash))';

/** The columns an event read selects, as the row schema below expects them. */
export const EVENT_COLUMNS = `toString(id) AS id, tenant, toString(occurred_at) AS occurred_at, toString(received_at) AS received_at,
	source, actor_id, actor_name, actor_email, actor_type, action, category, toString(outcome) AS outcome, reason,
	target_type, target_id, target_name, IPv6NumToString(ip) AS ip, country, city, user_agent, session_id, request_id,
	changes, changed_fields, details, records, bytes, ${CONTENT_HASH_SQL} AS content_hash`;

export const EventDbRow = z.object({
	id: z.string(),
	tenant: z.string(),
	occurred_at: z.string(),
	received_at: z.string(),
	source: z.string(),
	actor_id: z.string(),
	actor_name: z.string(),
	actor_email: z.string(),
	actor_type: z.string(),
	action: z.string(),
	category: z.string(),
	outcome: z.string(),
	reason: z.string(),
	target_type: z.string(),
	target_id: z.string(),
	target_name: z.string(),
	ip: z.string(),
	country: z.string(),
	city: z.string(),
	user_agent: z.string(),
	session_id: z.string(),
	request_id: z.string(),
	changes: z.string(),
	changed_fields: z.array(z.string()),
	details: z.string(),
	records: z.coerce.number(),
	bytes: z.coerce.number(),
	content_hash: z.string()
});
export type EventDbRow = z.infer<typeof EventDbRow>;

import type { EventOutput } from '../../../schemas/event-output';
import { chTimeToIso } from '../../clickhouse/time';

export type { EventOutput };

const orNull = (s: string) => (s === '' ? null : s);
const json = <T>(s: string): T | null => (s === '' ? null : (JSON.parse(s) as T));

export function toEventOutput(r: EventDbRow): EventOutput {
	const actor = r.actor_id || r.actor_name || r.actor_email || r.actor_type;
	const target = r.target_type || r.target_id || r.target_name;
	const ip = displayIp(r.ip);
	return {
		id: r.id,
		tenant: r.tenant,
		occurred_at: chTimeToIso(r.occurred_at),
		received_at: chTimeToIso(r.received_at),
		source: orNull(r.source),
		actor: actor ? { id: orNull(r.actor_id), name: orNull(r.actor_name), email: orNull(r.actor_email), type: orNull(r.actor_type) } : null,
		action: r.action,
		category: r.category,
		outcome: r.outcome,
		reason: orNull(r.reason),
		target: target ? { type: orNull(r.target_type), id: orNull(r.target_id), name: orNull(r.target_name) } : null,
		ip: orNull(ip),
		geo: r.country || r.city ? { country: orNull(r.country), city: orNull(r.city) } : null,
		user_agent: orNull(r.user_agent),
		session_id: orNull(r.session_id),
		request_id: orNull(r.request_id),
		changes: json(r.changes),
		changed_fields: r.changed_fields,
		details: json(r.details),
		...(r.category === 'data_export' ? { records: r.records, bytes: r.bytes } : {}),
		content_hash: r.content_hash
	};
}
