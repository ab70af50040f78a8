/** An event as the API answers it: the shape it was sent in, plus what Trailscope derived. */
export interface EventOutput {
	id: string;
	tenant: string;
	occurred_at: string;
	received_at: string;
	source: string | null;
	actor: { id: string | null; name: string | null; email: string | null; type: string | null } | null;
	action: string;
	category: string;
	outcome: string;
	reason: string | null;
	target: { type: string | null; id: string | null; name: string | null } | null;
	ip: string | null;
	geo: { country: string | null; city: string | null } | null;
	user_agent: string | null;
	session_id: string | null;
	request_id: string | null;
	changes: { before?: unknown; after?: unknown } | null;
	changed_fields: string[];
	details: Record<string, unknown> | null;
	records?: number;
	bytes?: number;
	content_hash: string;
}
