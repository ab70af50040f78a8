import { z } from 'zod';

/** The categories every event ends up in; seeds' own words map onto these (see ingest/categories.ts). */
export const CATEGORIES = [
	'authentication',
	'authorization',
	'user_management',
	'configuration',
	'data_access',
	'data_export',
	'data_change',
	'integration',
	'system',
	'other'
] as const;
export type Category = (typeof CATEGORIES)[number];

export const OUTCOMES = ['success', 'failure', 'pending'] as const;
export type Outcome = (typeof OUTCOMES)[number];

export const MAX_FUTURE_MS = 24 * 60 * 60 * 1000;

const text = (max: number) => z.string().max(max, `must be at most ${max} characters`);
const optionalText = (max: number) => text(max).optional().nullable();

const ActorSchema = z.union([
	text(256).min(1, 'must not be empty').transform((id) => ({ id, name: undefined, email: undefined, type: undefined })),
	z.object({
		id: optionalText(256),
		name: optionalText(256),
		email: optionalText(320),
		type: optionalText(64)
	})
]);

const TargetSchema = z.object({
	type: optionalText(128),
	id: z.union([text(256), z.number().transform(String)]).optional().nullable(),
	name: optionalText(512)
});

const JsonObject = z.record(z.string(), z.unknown());

/**
 * One audit event as an application sends it (ARCHITECTURE.md, "Event JSON").
 * Time bounds (not in the future by more than a day) are checked in ingest with an explicit clock.
 */
export const EventInputSchema = z.object({
	id: z.uuid('must be a UUID').optional().nullable(),
	occurred_at: z.union(
		[
			z.iso.datetime({ offset: true, local: false, message: 'must be an ISO 8601 time with a zone, or epoch milliseconds' }),
			z.number().int().nonnegative('must be epoch milliseconds')
		],
		{ error: (iss) => (iss.input === undefined ? 'is required' : 'must be an ISO 8601 time with a zone, or epoch milliseconds') }
	),
	tenant: text(128).regex(/^[A-Za-z0-9._:-]+$/, 'may hold letters, digits and . _ : - only').optional().nullable(),
	source: optionalText(128),
	actor: ActorSchema.optional().nullable(),
	action: z
		.string({ error: (iss) => (iss.input === undefined ? 'is required' : 'must be a string') })
		.max(256, 'must be at most 256 characters')
		.trim()
		.min(1, 'must not be empty'),
	category: optionalText(64),
	outcome: z.enum(OUTCOMES, { message: 'must be one of success, failure, pending' }).optional().nullable(),
	reason: optionalText(4096),
	target: TargetSchema.optional().nullable(),
	ip: optionalText(64),
	user_agent: optionalText(1024),
	session_id: optionalText(256),
	request_id: optionalText(256),
	changes: z
		.object({ before: JsonObject.optional().nullable(), after: JsonObject.optional().nullable() })
		.optional()
		.nullable(),
	details: JsonObject.optional().nullable()
});

export type EventInput = z.input<typeof EventInputSchema>;
export type ParsedEventInput = z.output<typeof EventInputSchema>;
