import type { Actions, PageServerLoad } from './$types';
import { error, fail } from '@sveltejs/kit';
import { requestMetaOf } from '$lib/admin/request-meta';
import { BacktestFormSchema, ruleEditOfForm } from '$lib/schemas/rule-form';
import { backtestRule } from '$lib/server/alerts/backtest';
import { listRulesWithStats } from '$lib/server/alerts/list-rules-with-stats';
import { applyRuleEdit, getRule, listRules, updateRule } from '$lib/server/alerts/rule-store';
import { tenantScopeOf, userCan } from '$lib/server/auth/access';
import { authorize, covers, principalOfUser } from '$lib/server/auth/authority';
import { DomainError } from '$lib/server/auth/domain-error';

export const load = (async ({ locals, parent }) => {
	if (!userCan(locals.user, 'alerts:read')) error(403, 'Your role may not see rules');
	const { tenant, tenants } = await parent();
	const [rules, stored] = await Promise.all([listRulesWithStats(new Date(), tenantScopeOf(locals.user)), listRules()]);
	// Whole definitions too, so the form can say what the values being typed would mean.
	const definitions = Object.fromEntries(stored.map((s) => [s.rule.id, s.rule]));
	return { rules, definitions, canEdit: userCan(locals.user, 'settings:manage') && covers(principalOfUser(locals.user), '*'), backtestTenant: tenant || tenants[0] || 'default' };
}) satisfies PageServerLoad;

const problemOf = (id: string, e: unknown) => {
	if (e instanceof DomainError) return fail(e.status, { id, message: e.message });
	throw e;
};

export const actions = {
	/** Saves the edited values as the rule's next version. */
	save: async (event) => {
		const f = await event.request.formData();
		const id = String(f.get('id') ?? '');
		if (!event.locals.user) return fail(403, { id, message: 'Sign in first' });
		const principal = principalOfUser(event.locals.user);
		const edit = ruleEditOfForm(f);
		if (!edit.success) return fail(400, { id, message: `${String(edit.error.issues[0].path[0])}: ${edit.error.issues[0].message}` });
		try {
			authorize(principal, 'settings:manage', '*', 'changing a rule');
			await updateRule(id, edit.data, principal.actor, requestMetaOf(event));
			return { id, saved: true };
		} catch (e) {
			return problemOf(id, e);
		}
	},
	/** What the rule, with the values being edited, would have raised in the last N days; raises and sends nothing. */
	backtest: async (event) => {
		const user = event.locals.user;
		if (!userCan(user, 'alerts:read')) return fail(403, { id: '', message: 'Your role may not test rules' });
		const f = await event.request.formData();
		const id = String(f.get('id') ?? '');
		const stored = await getRule(id);
		if (!stored) return fail(404, { id, message: 'No such rule' });
		const edit = ruleEditOfForm(f);
		const opts = BacktestFormSchema.safeParse({ days: f.get('days'), tenant: f.get('tenant') });
		if (!edit.success) return fail(400, { id, message: `${String(edit.error.issues[0].path[0])}: ${edit.error.issues[0].message}` });
		if (!opts.success) return fail(400, { id, message: `${String(opts.error.issues[0].path[0])}: ${opts.error.issues[0].message}` });
		const scope = tenantScopeOf(user);
		if (scope !== '*' && !scope.includes(opts.data.tenant)) return fail(403, { id, message: `You have no access to tenant "${opts.data.tenant}"` });
		try {
			const rule = applyRuleEdit(stored.rule, edit.data);
			const now = new Date();
			const result = await backtestRule(rule, { tenant: opts.data.tenant, from: new Date(now.getTime() - opts.data.days * 86_400_000), to: now, now });
			return { id, backtest: { ...result, days: opts.data.days, tenant: opts.data.tenant, groups: result.groups.slice(0, 50) } };
		} catch (e) {
			return problemOf(id, e);
		}
	}
} satisfies Actions;
