import { z } from 'zod';
import { TimeParam } from './event-filter';
import { ALERT_STATUSES, SEVERITIES } from './rule';

const list = <T extends readonly [string, ...string[]]>(values: T, name: string) =>
	z
		.string()
		.transform((s) => s.split(',').map((v) => v.trim()).filter(Boolean))
		.pipe(z.array(z.enum(values, { message: `${name} must be any of ${values.join(', ')}` })))
		.optional();

/** Filters of GET /api/v1/alerts and the /alerts page. */
export const AlertQuerySchema = z.object({
	tenant: z.string().trim().min(1).max(128).optional(),
	status: list(ALERT_STATUSES, 'status'),
	severity: list(SEVERITIES, 'severity'),
	rule_id: z.string().trim().regex(/^[a-z][a-z0-9_]{1,63}$/, 'must be a rule id such as brute_force_ip').optional(),
	/** Alerts active at or after this time; `from` is the same, named as the timeline names it. */
	since: TimeParam.default('now-30d'),
	from: TimeParam.optional(),
	/** Alerts whose window started before this time. */
	to: TimeParam.optional(),
	/** An IP, account, user or other group value, or a part of one. */
	group: z.string().trim().min(1).max(200).optional(),
	limit: z.coerce.number({ message: 'must be a number' }).int().min(1).max(1000).default(100),
	page: z.coerce.number({ message: 'must be a number' }).int().min(1).max(100_000).default(1)
});

/** The body of acknowledge and resolve: an optional comment. */
export const AlertActionSchema = z.object({ comment: z.string().trim().max(2000, 'must be at most 2000 characters').default('') }).strict();

/** The body of a comment on an alert (no status change): the comment itself. */
export const AlertCommentSchema = z.object({ comment: z.string().trim().min(1, 'must not be empty').max(2000, 'must be at most 2000 characters') }).strict();
