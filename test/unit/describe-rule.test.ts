import { describe, expect, it } from 'vitest';
import { describeRule } from '../../src/lib/rules/describe';
import { formatWindow } from '../../src/lib/format';
import { RuleSchema, type Rule } from '../../src/lib/schemas/rule';
import { BUILTIN_RULES, builtinRule } from '../../src/lib/server/rules/builtin';

const rule = (id: string, edit: Partial<Rule> = {}): Rule => RuleSchema.parse({ ...builtinRule(id)!, ...edit });

describe('describeRule', () => {
	it.each([
		['brute_force_ip', {}, 'At least 10 failed sign-ins from one IP within 15 minutes.'],
		['brute_force_ip', { threshold: 20 }, 'At least 20 failed sign-ins from one IP within 15 minutes.'],
		['brute_force_ip', { threshold: 1500, windowMinutes: 120 }, 'At least 1,500 failed sign-ins from one IP within 2 hours.'],
		['password_spraying', {}, 'Failed sign-ins for at least 5 distinct accounts from one IP within 60 minutes.'],
		['password_spraying', { threshold: 8, windowMinutes: 30 }, 'Failed sign-ins for at least 8 distinct accounts from one IP within 30 minutes.'],
		['account_brute_force', {}, 'At least 10 failed sign-ins for one account within 15 minutes.'],
		['success_after_failures', {}, 'A successful sign-in after at least 5 failed sign-ins from the same IP in the previous 60 minutes.'],
		['success_after_failures', { threshold: 3, windowMinutes: 10 }, 'A successful sign-in after at least 3 failed sign-ins from the same IP in the previous 10 minutes.'],
		['large_export', {}, 'One export of at least 10,000 records, or at least 50,000 records exported by one user within 24 hours.'],
		['large_export', { singleThreshold: 25_000, threshold: 100_000 }, 'One export of at least 25,000 records, or at least 100,000 records exported by one user within 24 hours.'],
		['unusual_export_volume', {}, 'Records exported by one user within 24 hours, at least 5 times the daily average over the previous 30 days, and at least 1,000.'],
		['unusual_export_volume', { windowMinutes: 4320 }, 'Records exported by one user within 3 days, at least 5 times the daily average over the previous 30 days, and at least 1,000.'],
		['off_hours_access', {}, "Any successful sign-in, configuration change or privilege change outside the tenant's business hours where actor type is not service and actor type is not bot."],
		['privilege_escalation', {}, 'Any privilege change (medium); high when it is a grant of admin, owner or full access.'],
		['privilege_escalation', { severity: 'low' }, 'Any privilege change (low); high when it is a grant of admin, owner or full access.'],
		['mass_deletion', {}, 'At least 50 deletions by one user within 10 minutes, or one deletion of at least 50 items at once.'],
		['mass_deletion', { threshold: 200, singleThreshold: 500, windowMinutes: 5 }, 'At least 200 deletions by one user within 5 minutes, or one deletion of at least 500 items at once.'],
		['new_country', {}, 'A successful sign-in from a country not seen for that account in the previous 30 days.'],
		['new_country', { lookbackDays: 90 }, 'A successful sign-in from a country not seen for that account in the previous 90 days.']
	] as const)('%s with %j reads "%s"', (id, edit, text) => {
		expect(describeRule(rule(id, edit as Partial<Rule>))).toBe(text);
	});

	it('ignores any stored description text', () => {
		expect(describeRule(rule('brute_force_ip', { threshold: 20, description: 'At least 10 failed sign-ins' }))).toMatch(/^At least 20 /);
	});

	it('describes every built-in rule with its own numbers', () => {
		for (const r of BUILTIN_RULES) {
			const text = describeRule(r);
			expect(text, r.id).toMatch(/^[A-Z].*\.$/);
			if (r.type !== 'match' && r.type !== 'new_value') expect(text, r.id).toContain(r.threshold.toLocaleString('en-US'));
		}
	});

	it('reads a rule of another shape: several kinds, groups and filters', () => {
		const custom = RuleSchema.parse({
			id: 'custom',
			name: 'Custom',
			type: 'threshold',
			filter: { kinds: ['export', 'deletion'], offHours: true, where: ['source:eq:okta'] },
			groupBy: ['actor', 'target'],
			windowMinutes: 1,
			threshold: 3,
			severity: 'low',
			cooldownMinutes: 5
		});
		expect(describeRule(custom)).toBe("At least 3 exports or deletions outside the tenant's business hours by one user on one target within 1 minute where source is okta.");
	});
});

describe('formatWindow', () => {
	it.each([
		[1, '1 minute'],
		[60, '60 minutes'],
		[90, '90 minutes'],
		[120, '2 hours'],
		[1440, '24 hours'],
		[2880, '48 hours'],
		[10080, '7 days']
	])('%i minutes read "%s"', (m, text) => expect(formatWindow(m)).toBe(text));

	it.each([
		[15, '15 min'],
		[60, '60 min'],
		[120, '2 h'],
		[1440, '24 h'],
		[10080, '7 days']
	])('%i minutes read "%s" in an email subject', (m, text) => expect(formatWindow(m, 'short')).toBe(text));
});
