import type { Category, EventInput, Outcome } from '../../schemas/event-input';
import type { Actor } from './people';
import type { Rng } from './prng';

export type Source = 'helpdesk' | 'chatbot-studio' | 'workspace' | 'admin-console' | 'voice-assistant';
export type Json = Record<string, unknown>;

export interface Target {
	type: string;
	id?: string;
	name?: string;
}

/** What an activity did; the session around it supplies who, from where and when. */
export interface Work {
	action: string;
	category: Category;
	outcome?: Outcome;
	reason?: string;
	target?: Target;
	changes?: { before?: Json; after?: Json };
	details?: Json;
}

export interface Origin {
	source: Source;
	actor: Actor;
	ip?: string;
	userAgent?: string;
	sessionId?: string;
}

/** An event before its time is formatted and its tenant known; `t` keeps sorting numeric. */
export interface Draft {
	t: number;
	id: string;
	body: Omit<EventInput, 'id' | 'occurred_at' | 'tenant'>;
}

// Only these apps send a category, so the rest exercise Trailscope's derivation from the action.
const SENDS_CATEGORY = new Set<Source>(['helpdesk', 'admin-console']);
// Some apps only flag what went wrong and leave `outcome` out otherwise, relying on the default.
const OMITS_SUCCESS = new Set<Source>(['voice-assistant']);

// A fresh object per event, so a consumer mutating one event cannot change the roster or the others.
const actorOf = ({ id, name, email, type }: Actor): Actor => ({ id, ...(name ? { name } : {}), ...(email ? { email } : {}), type });

export function draft(rng: Rng, t: number, origin: Origin, work: Work): Draft {
	const outcome = work.outcome ?? 'success';
	const body: Draft['body'] = { source: origin.source, actor: actorOf(origin.actor), action: work.action };
	if (SENDS_CATEGORY.has(origin.source)) body.category = work.category;
	if (outcome !== 'success' || !OMITS_SUCCESS.has(origin.source)) body.outcome = outcome;
	if (work.reason) body.reason = work.reason;
	if (work.target) body.target = { ...work.target };
	if (origin.ip) body.ip = origin.ip;
	if (origin.userAgent) body.user_agent = origin.userAgent;
	if (origin.sessionId) body.session_id = origin.sessionId;
	body.request_id = `req_${rng.hex(16)}`;
	if (work.changes) body.changes = work.changes;
	if (work.details) body.details = work.details;
	return { t: Math.floor(t), id: rng.uuid(), body };
}

export const finalize = (d: Draft, tenant: string): EventInput => ({
	id: d.id,
	occurred_at: new Date(d.t).toISOString(),
	tenant,
	...d.body
});

/** Time order, then id, so equal timestamps still come out in one fixed order. */
export const byTime = (a: Draft, b: Draft): number => a.t - b.t || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
