import { parseOperatorFilter } from './event-filter';
import { z } from 'zod';
import { EVENT_KINDS } from './event-kinds';
export { EVENT_KINDS, type EventKind } from './event-kinds';

export const RULE_TYPES = ['match', 'threshold', 'distinct', 'sum', 'sequence', 'new_value'] as const;
export type RuleType = (typeof RULE_TYPES)[number];

export const SEVERITIES = ['low', 'medium', 'high', 'critical'] as const;
export type Severity = (typeof SEVERITIES)[number];
export const SEVERITY_RANK: Record<Severity, number> = { low: 1, medium: 2, high: 3, critical: 4 };


/** What a rule may group by or count distinct values of. */
export const RULE_FIELDS = ['ip', 'account', 'actor', 'country', 'source', 'target'] as const;
export type RuleField = (typeof RULE_FIELDS)[number];

/** Numbers a sum rule may add up. */
export const RULE_VALUES = ['records', 'bytes', 'deleted_items'] as const;
export type RuleValue = (typeof RULE_VALUES)[number];

export const FIELD_LABELS: Record<RuleField, string> = { ip: 'IP', account: 'account', actor: 'user', country: 'country', source: 'source', target: 'target' };

const EventMatchSchema = z.object({
	/** An event matches when it is of any of these kinds... */
	kinds: z.array(z.enum(EVENT_KINDS)).min(1).max(EVENT_KINDS.length),
	/** ...and, when set, falls outside the tenant's business hours... */
	offHours: z.boolean().default(false),
	/**
	 * ...and meets every one of these timeline operator filters (`actor_type:ne:service`,
	 * `source:eq:okta`, `ip:cidr:10.0.0.0/8`), so a team tunes a rule as it filters the timeline.
	 */
	where: z
		.array(
			z
				.string()
				.max(600)
				.superRefine((text, ctx) => {
					const parsed = parseOperatorFilter(text);
					if (typeof parsed === 'string') ctx.addIssue({ code: 'custom', message: parsed });
					else if (parsed.field === 'occurred_at') ctx.addIssue({ code: 'custom', message: 'a rule sets its time by its window, not by occurred_at' });
				})
		)
		.max(20)
		.optional()
});
export type EventMatch = z.infer<typeof EventMatchSchema>;

const minutes = (max: number) => z.number().int('must be a whole number of minutes').min(1).max(max);
const Recipients = z.array(z.email({ message: 'must be an email address' })).max(50);

/** A detection rule, as stored and as the API shows it. */
export const RuleSchema = z.object({
	id: z.string().regex(/^[a-z][a-z0-9_]{1,63}$/, 'must be lower-case letters, digits and _'),
	name: z.string().trim().min(1).max(120),
	description: z.string().max(1000).default(''),
	type: z.enum(RULE_TYPES),
	filter: EventMatchSchema,
	groupBy: z.array(z.enum(RULE_FIELDS)).min(1).max(3),
	windowMinutes: minutes(60 * 24 * 7),
	threshold: z.number().min(1).max(1e12),
	severity: z.enum(SEVERITIES),
	cooldownMinutes: minutes(60 * 24 * 7),
	recipients: Recipients.default([]),
	enabled: z.boolean().default(true),
	/** distinct: the field whose distinct values are counted. */
	distinctField: z.enum(RULE_FIELDS).optional(),
	/** sum: the number added up; also fires on one event whose value reaches singleThreshold. */
	value: z.enum(RULE_VALUES).optional(),
	singleThreshold: z.number().min(1).max(1e12).optional(),
	/** sum: the threshold is also at least factor x the group's daily average over the previous days. */
	baseline: z.object({ days: z.number().int().min(1).max(90), factor: z.number().min(1).max(1000) }).optional(),
	/** sequence: this many `before` events by the same group within the window precede a matching event. */
	before: EventMatchSchema.optional(),
	/** new_value: the field whose value is new for the group within lookbackDays. */
	newValueField: z.enum(RULE_FIELDS).optional(),
	lookbackDays: z.number().int().min(1).max(90).optional(),
	/** Events of this kind raise the alert at a higher severity (privilege escalation). */
	escalation: z.object({ kind: z.enum(EVENT_KINDS), severity: z.enum(SEVERITIES) }).optional(),
	/** How the count reads in a subject: "failed sign-ins", "records exported". */
	noun: z.string().max(60).default('events')
});
export type Rule = z.infer<typeof RuleSchema>;

/** What an administrator may change of a rule; anything left out keeps its value. */
export const RuleEditSchema = z
	.object({
		windowMinutes: minutes(60 * 24 * 7),
		threshold: z.number({ message: 'must be a number' }).min(1, 'must be at least 1').max(1e12),
		singleThreshold: z.number({ message: 'must be a number' }).min(1, 'must be at least 1').max(1e12),
		severity: z.enum(SEVERITIES, { message: `must be one of ${SEVERITIES.join(', ')}` }),
		cooldownMinutes: minutes(60 * 24 * 7),
		recipients: Recipients,
		enabled: z.boolean({ message: 'must be true or false' })
	})
	.partial()
	.strict();
export type RuleEdit = z.infer<typeof RuleEditSchema>;

/** The API's spelling of a rule edit (snake_case), mapped onto RuleEditSchema. */
export const RuleEditApiSchema = z
	.object({
		window_minutes: RuleEditSchema.shape.windowMinutes,
		threshold: RuleEditSchema.shape.threshold,
		single_threshold: RuleEditSchema.shape.singleThreshold,
		severity: RuleEditSchema.shape.severity,
		cooldown_minutes: RuleEditSchema.shape.cooldownMinutes,
		recipients: RuleEditSchema.shape.recipients,
		enabled: RuleEditSchema.shape.enabled
	})
	.partial()
	.strict()
	.transform(
		(b): RuleEdit =>
			Object.fromEntries(
				Object.entries({
					windowMinutes: b.window_minutes,
					threshold: b.threshold,
					singleThreshold: b.single_threshold,
					severity: b.severity,
					cooldownMinutes: b.cooldown_minutes,
					recipients: b.recipients,
					enabled: b.enabled
				}).filter(([, v]) => v !== undefined)
			)
	);

export const ALERT_STATUSES = ['open', 'acknowledged', 'resolved'] as const;
export type AlertStatus = (typeof ALERT_STATUSES)[number];
