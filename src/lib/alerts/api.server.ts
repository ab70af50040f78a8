import type { RequestHandler } from '@sveltejs/kit';
import type { ZodType } from 'zod';
import { requestMetaOf } from '$lib/admin/request-meta';
import { AlertActionSchema } from '$lib/schemas/alert-query';
import type { AlertStatus } from '$lib/schemas/rule';
import { getAlertHistory } from '$lib/server/alerts/alert-history';
import { toAlertJson } from '$lib/server/alerts/alert-json';
import { changeAlertStatus } from '$lib/server/alerts/alert-lifecycle';
import { callerOf } from '$lib/server/http/alert-caller';
import { resolveTime } from '$lib/server/queries/events/time-range';
import { jsonResponse, parameterProblem, problem } from '$lib/server/http/problem';
import { AlertScopeError } from '$lib/server/queries/alerts/alert-scope';
import { AlertQuerySchema } from '$lib/schemas/alert-query';
import type { AlertListFilter } from '$lib/server/queries/alerts/list-alerts';
import { domainProblem, readJsonBody } from '$lib/admin/api.server';

/** An optional JSON body: none at all reads as {}, else it must match the schema (400 naming the field). */
export async function readOptionalBody<T>(request: Request, schema: ZodType<T>): Promise<{ ok: true; data: T } | { ok: false; response: Response }> {
	const text = await request.clone().text();
	if (!text.trim()) {
		const parsed = schema.safeParse({});
		return parsed.success ? { ok: true, data: parsed.data } : { ok: false, response: problem(400, 'send a JSON object as the body') };
	}
	return readJsonBody(request, schema);
}

/** The alert list filter of a URL (one page of it), or the 400 naming the bad parameter. */
export function alertFilterOf(url: URL, now: Date): AlertListFilter | Response {
	const raw = Object.fromEntries([...url.searchParams.entries()].filter(([, v]) => v !== ''));
	const parsed = AlertQuerySchema.safeParse(raw);
	if (!parsed.success) return parameterProblem(parsed.error);
	const q = parsed.data;
	return {
		tenant: q.tenant,
		status: q.status,
		severity: q.severity,
		ruleId: q.rule_id,
		since: resolveTime(q.from ?? q.since, now),
		to: q.to ? resolveTime(q.to, now) : undefined,
		group: q.group,
		limit: q.limit,
		offset: (q.page - 1) * q.limit,
		// A search by rule or group finds every matching alert; otherwise each incident is one row.
		leadsOnly: !q.rule_id && !q.group
	};
}

/** Tenant refusals and domain errors as answers; anything else is a fault. */
export function alertProblem(e: unknown): Response {
	if (e instanceof AlertScopeError) return problem(403, `tenant: ${e.message}`, { parameter: 'tenant' });
	return domainProblem(e);
}

/** POST .../acknowledge, .../resolve and .../reopen: by the caller, with an optional `comment`, kept in the alert's history and written to the audit trail. */
export function alertStatusHandler(status: AlertStatus): RequestHandler<{ id: string }> {
	return async (event) => {
		const caller = await callerOf(event.request, event.locals.user, 'alerts:manage');
		if (caller instanceof Response) return caller;
		const body = await readOptionalBody(event.request, AlertActionSchema);
		if (!body.ok) return body.response;
		try {
			const alert = await changeAlertStatus(caller.scope, event.params.id, status, caller.actor, body.data.comment, requestMetaOf(event));
			return jsonResponse(200, { alert: toAlertJson(alert), history: await getAlertHistory(alert) });
		} catch (e) {
			return alertProblem(e);
		}
	};
}
