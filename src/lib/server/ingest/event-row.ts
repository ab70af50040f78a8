import type { Category, Outcome } from '../../schemas/event-input';

/** One event as stored in the `events` table (clickhouse/0002_events.sql); times are UTC 'YYYY-MM-DD hh:mm:ss.sss'. */
export interface EventRow {
	id: string;
	tenant: string;
	occurred_at: string;
	received_at: string;
	source: string;
	actor_id: string;
	actor_name: string;
	actor_email: string;
	actor_type: string;
	action: string;
	action_key: string;
	category: Category;
	outcome: Outcome;
	reason: string;
	target_type: string;
	target_id: string;
	target_name: string;
	/** IPv6 text, IPv4 mapped as ::ffff:a.b.c.d; '::' when the event had no IP. */
	ip: string;
	country: string;
	city: string;
	user_agent: string;
	session_id: string;
	request_id: string;
	/** JSON text of {before, after}, '' when absent. */
	changes: string;
	changed_fields: string[];
	/** JSON text of details, '' when absent. */
	details: string;
	records: number;
	bytes: number;
	/** SHA-256 (64 hex) of the canonical form (seals/canonical.ts); 32 hex for form 1 events. */
	content_hash: string;
	/** Which canonical form content_hash covers (clickhouse/0060_full_content_hash.sql). */
	hash_form: number;
}
