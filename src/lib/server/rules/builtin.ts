import { RuleSchema, type Rule } from '../../schemas/rule';

type Draft = Omit<Rule, 'recipients' | 'enabled' | 'description' | 'noun'> & Partial<Pick<Rule, 'description' | 'noun'>>;

const DRAFTS: Draft[] = [
	{
		id: 'brute_force_ip',
		name: 'Brute force by IP',
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

/**
 * The ten rules every installation starts with; each can be edited but keeps its id. They carry no
 * description text: describeRule (lib/rules/describe.ts) renders it from the current settings.
 */
export const BUILTIN_RULES: readonly Rule[] = DRAFTS.map((d) => RuleSchema.parse({ recipients: [], enabled: true, ...d }));

export const builtinRule = (id: string): Rule | undefined => BUILTIN_RULES.find((r) => r.id === id);
