import { RuleSchema, type Rule } from '../../schemas/rule';

type Draft = Omit<Rule, 'recipients' | 'enabled' | 'description' | 'noun'> & Partial<Pick<Rule, 'description' | 'noun'>>;

const DRAFTS: Draft[] = [
	{
		id: 'brute_force_ip',
		name: 'Brute force by IP',
		description: 'At least 10 failed sign-ins from one IP within 15 minutes.',
		type: 'threshold',
		filter: { kinds: ['failed_sign_in'], offHours: false },
		groupBy: ['ip'],
		windowMinutes: 15,
		threshold: 10,
		severity: 'high',
		cooldownMinutes: 60,
		noun: 'failed sign-ins'
	},
	{
		id: 'password_spraying',
		name: 'Password spraying',
		description: 'Failed sign-ins for at least 5 distinct accounts from one IP within 60 minutes.',
		type: 'distinct',
		filter: { kinds: ['failed_sign_in'], offHours: false },
		groupBy: ['ip'],
		distinctField: 'account',
		windowMinutes: 60,
		threshold: 5,
		severity: 'high',
		cooldownMinutes: 120,
		noun: 'accounts tried'
	},
	{
		id: 'account_brute_force',
		name: 'Account under attack',
		description: 'At least 10 failed sign-ins for one account within 15 minutes, from any IPs.',
		type: 'threshold',
		filter: { kinds: ['failed_sign_in'], offHours: false },
		groupBy: ['account'],
		windowMinutes: 15,
		threshold: 10,
		severity: 'medium',
		cooldownMinutes: 60,
		noun: 'failed sign-ins'
	},
	{
		id: 'success_after_failures',
		name: 'Sign-in after failures',
		description: 'A successful sign-in from an IP with at least 5 failed sign-ins in the previous 60 minutes.',
		type: 'sequence',
		filter: { kinds: ['sign_in'], offHours: false },
		before: { kinds: ['failed_sign_in'], offHours: false },
		groupBy: ['ip'],
		windowMinutes: 60,
		threshold: 5,
		severity: 'high',
		cooldownMinutes: 60,
		noun: 'failures before a sign-in'
	},
	{
		id: 'large_export',
		name: 'Large export',
		description: 'One export of at least 10,000 records, or at least 50,000 records by one user within 24 hours.',
		type: 'sum',
		filter: { kinds: ['export'], offHours: false },
		groupBy: ['actor'],
		value: 'records',
		windowMinutes: 24 * 60,
		threshold: 50_000,
		singleThreshold: 10_000,
		severity: 'high',
		cooldownMinutes: 24 * 60,
		noun: 'records exported'
	},
	{
		id: 'unusual_export_volume',
		name: 'Unusual export volume',
		description: "A user's exported records in 24 hours at least 5 times their daily average over the previous 30 days, and at least 1,000.",
		type: 'sum',
		filter: { kinds: ['export'], offHours: false },
		groupBy: ['actor'],
		value: 'records',
		baseline: { days: 30, factor: 5 },
		windowMinutes: 24 * 60,
		threshold: 1_000,
		severity: 'medium',
		cooldownMinutes: 24 * 60,
		noun: 'records exported'
	},
	{
		id: 'off_hours_access',
		name: 'Off-hours access',
		description: "A successful sign-in, configuration or privilege action outside the tenant's business hours.",
		type: 'match',
		// Service accounts run scheduled jobs at night by design; people are what this rule watches.
		filter: { kinds: ['sign_in', 'config_change', 'privilege_change'], offHours: true, where: ['actor_type:ne:service', 'actor_type:ne:bot'] },
		groupBy: ['actor'],
		windowMinutes: 60,
		threshold: 1,
		severity: 'medium',
		cooldownMinutes: 4 * 60,
		noun: 'off-hours actions'
	},
	{
		id: 'privilege_escalation',
		name: 'Privilege escalation',
		description: 'A grant of an admin, owner or super-user role or permission (high); any other role or permission change (medium).',
		type: 'match',
		filter: { kinds: ['privilege_change'], offHours: false },
		escalation: { kind: 'privilege_elevation', severity: 'high' },
		groupBy: ['actor', 'target'],
		windowMinutes: 60,
		threshold: 1,
		severity: 'medium',
		cooldownMinutes: 60,
		noun: 'privilege changes'
	},
	{
		id: 'mass_deletion',
		name: 'Mass deletion',
		description: 'At least 50 deletions by one actor within 10 minutes, or one bulk deletion of at least 50 items.',
		type: 'threshold',
		filter: { kinds: ['deletion'], offHours: false },
		groupBy: ['actor'],
		value: 'deleted_items',
		windowMinutes: 10,
		threshold: 50,
		singleThreshold: 50,
		severity: 'high',
		cooldownMinutes: 60,
		noun: 'deletions'
	},
	{
		id: 'new_country',
		name: 'New country',
		description: 'A successful sign-in from a country not seen for that user in the previous 30 days.',
		type: 'new_value',
		filter: { kinds: ['sign_in'], offHours: false },
		groupBy: ['account'],
		newValueField: 'country',
		lookbackDays: 30,
		windowMinutes: 60,
		threshold: 1,
		severity: 'medium',
		cooldownMinutes: 24 * 60,
		noun: 'sign-ins from a new country'
	}
];

/** The ten rules every installation starts with; each can be edited but keeps its id. */
export const BUILTIN_RULES: readonly Rule[] = DRAFTS.map((d) => RuleSchema.parse({ recipients: [], enabled: true, ...d }));

export const builtinRule = (id: string): Rule | undefined => BUILTIN_RULES.find((r) => r.id === id);
