import type { RequestHandler } from './$types';
import { z } from 'zod';
import { alertProblem } from '$lib/alerts/api.server';
import { readJsonBody } from '$lib/admin/api.server';
import { RuleEditApiSchema } from '$lib/schemas/rule';
import { BacktestFormSchema } from '$lib/schemas/rule-form';
import { backtestRule } from '$lib/server/alerts/backtest';
import { applyRuleEdit, getRule } from '$lib/server/alerts/rule-store';
import { callerOf } from '$lib/server/http/alert-caller';
import { jsonResponse, problem } from '$lib/server/http/problem';

const Body = z.object({ days: BacktestFormSchema.shape.days, tenant: BacktestFormSchema.shape.tenant, rule: RuleEditApiSchema.optional() }).strict();

/**
 * What a rule, with the values in `rule` in place of its own, would have raised in the tenant's
 * last `days` days: `{days: 30, tenant: "acme", rule: {threshold: 20}}`. Raises and sends nothing.
 */
export const POST: RequestHandler = async (event) => {
	const caller = await callerOf(event.request, event.locals.user, 'alerts:read');
	if (caller instanceof Response) return caller;
	const body = await readJsonBody(event.request, Body);
	if (!body.ok) return body.response;
	const { days, tenant, rule: edit } = body.data;
	if (caller.scope !== '*' && !caller.scope.includes(tenant)) return problem(403, `you have no access to tenant "${tenant}"`, { field: 'tenant' });
	const stored = await getRule(event.params.id);
	if (!stored) return problem(404, `no rule "${event.params.id}"`);
	try {
		const rule = edit ? applyRuleEdit(stored.rule, edit) : stored.rule;
		const now = new Date();
		return jsonResponse(200, await backtestRule(rule, { tenant, from: new Date(now.getTime() - days * 86_400_000), to: now, now }));
	} catch (e) {
		return alertProblem(e);
	}
};
