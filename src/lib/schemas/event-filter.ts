import { z } from 'zod';
import { EVENT_KINDS } from './event-kinds';

export const FILTER_OPS = ['eq', 'ne', 'contains', 'ncontains', 'gt', 'lt', 'in', 'cidr'] as const;
export type FilterOp = (typeof FILTER_OPS)[number];

/** Fields an operator filter (`f=field:op:value`) may name, beside `details.<key>`. */
export const FILTER_FIELDS = [
	'id',
	'actor',
	'actor_id',
	'actor_email',
	'actor_name',
	'actor_type',
	'action',
	'category',
	'outcome',
	'source',
	'reason',
	'target_type',
	'target_id',
	'target_name',
	'ip',
	'country',
	'city',
	'user_agent',
	'session_id',
	'request_id',
	'records',
	'bytes',
	'occurred_at',
	'changed_fields',
	// The account a sign-in concerns, as rules group by it: the email when known, else the actor id.
	'account'
] as const;

export interface OperatorFilter {
	field: string;
	op: FilterOp;
	value: string;
}

const DETAILS_KEY = /^details\.[A-Za-z0-9_.-]{1,128}$/;

/** `field:op:value`; the value may itself hold colons (times, IPv6). */
export function parseOperatorFilter(text: string): OperatorFilter | string {
	const first = text.indexOf(':');
	const second = first < 0 ? -1 : text.indexOf(':', first + 1);
	if (first < 0 || second < 0) return `"${text}" must be field:op:value`;
	const field = text.slice(0, first);
	const op = text.slice(first + 1, second);
	const value = text.slice(second + 1);
	if (!(FILTER_FIELDS as readonly string[]).includes(field) && !DETAILS_KEY.test(field))
		return `unknown field "${field}"; use one of ${FILTER_FIELDS.join(', ')} or details.<key>`;
	if (!(FILTER_OPS as readonly string[]).includes(op)) return `unknown operator "${op}"; use one of ${FILTER_OPS.join(', ')}`;
	return { field, op: op as FilterOp, value };
}

// The engine's DateTime64 holds 1900-01-01 to 2299-12-31; JavaScript reads years up to ±275760.
const FIRST_MS = Date.UTC(1900, 0, 1);
const END_MS = Date.UTC(2300, 0, 1);
/** Whether a time can be stored or compared by the engine at all. */
export const inEngineRange = (d: Date) => d.getTime() >= FIRST_MS && d.getTime() < END_MS;

/** A time as people pass it: ISO 8601, epoch milliseconds, or relative (`now`, `now-24h`, `now-7d`). */
export const TimeParam = z
	.string()
	.trim()
	.refine((s) => /^now(-\d+[smhdw])?$/.test(s) || /^\d{10,13}$/.test(s) || !Number.isNaN(Date.parse(s)), {
		message: 'must be an ISO 8601 time, epoch milliseconds, or relative such as now-24h'
	})
	.refine((s) => /^now/.test(s) || /^\d{10,13}$/.test(s) || Number.isNaN(Date.parse(s)) || inEngineRange(new Date(s)), {
		message: 'must be between the years 1900 and 2299'
	});

const optional = z.string().trim().min(1).max(512).optional();

/** Filters of the timeline and GET /api/v1/events, as found in a URL (repeatable keys as arrays). */
export const EventFilterSchema = z.object({
	from: TimeParam.optional(),
	to: TimeParam.optional(),
	tenant: optional,
	actor: optional,
	action: z.array(z.string().trim().min(1).max(256)).max(50).default([]),
	category: z.array(z.string().trim().min(1).max(64)).max(20).default([]),
	outcome: z.array(z.enum(['success', 'failure', 'pending'], { message: 'must be success, failure or pending' })).max(3).default([]),
	ip: optional,
	target_type: optional,
	target_id: optional,
	source: optional,
	q: optional,
	/** Events of any of these kinds (the shared definitions rules and reports count with). */
	kind: z.array(z.enum(EVENT_KINDS, { message: `must be one of ${EVENT_KINDS.join(', ')}` })).max(EVENT_KINDS.length).default([]),
	/** Outside these business hours (`Mon-Fri 08:00-19:00 Europe/Paris`), as an off-hours rule saw them. */
	off_hours: z.string().trim().max(200).optional(),
	// Long enough for an alert's evidence: `id:in:` with up to 100 event ids.
	f: z.array(z.string().max(4000)).max(30).default([]),
	limit: z.coerce.number({ message: 'must be a number' }).int('must be a whole number').min(1, 'must be at least 1').max(1000, 'must be at most 1000').default(50),
	cursor: z.string().max(200).optional(),
	/** With a cursor: `prev` reads the page of newer events before it. */
	dir: z.enum(['next', 'prev'], { message: 'must be next or prev' }).optional()
});
export type EventFilter = z.output<typeof EventFilterSchema>;

/**
 * The timeline's filters on who and where (IP or CIDR, user, source), which the security report
 * and its API take too: one schema, so a value means the same on both.
 */
export const SUBJECT_FILTERS = ['ip', 'actor', 'source'] as const;
export const SubjectFilterSchema = EventFilterSchema.pick({ ip: true, actor: true, source: true });
export type SubjectFilter = z.output<typeof SubjectFilterSchema>;

const REPEATABLE = new Set(['action', 'category', 'outcome', 'kind', 'f']);

/** URLSearchParams to the object the schema reads; repeatable keys also accept comma lists. */
export function filterParams(params: URLSearchParams): Record<string, unknown> {
	const out: Record<string, unknown> = {};
	for (const key of new Set(params.keys())) {
		const values = params.getAll(key).filter((v) => v !== '');
		if (REPEATABLE.has(key)) out[key] = key === 'f' ? values : values.flatMap((v) => v.split(',')).map((v) => v.trim()).filter(Boolean);
		else if (values.length > 0) out[key] = values[values.length - 1];
	}
	return out;
}
