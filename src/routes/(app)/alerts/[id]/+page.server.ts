import type { Actions, PageServerLoad } from './$types';
import { error, fail } from '@sveltejs/kit';
import { requestMetaOf } from '$lib/admin/request-meta';
import { AlertActionSchema, AlertCommentSchema } from '$lib/schemas/alert-query';
import type { AlertStatus } from '$lib/schemas/rule';
import { getAlertHistory } from '$lib/server/alerts/alert-history';
import { toAlertJson } from '$lib/server/alerts/alert-json';
import { changeAlertStatus, commentOnAlert } from '$lib/server/alerts/alert-lifecycle';
import { auditActorOf, tenantScopeOf, userCan } from '$lib/server/auth/access';
import { DomainError } from '$lib/server/auth/domain-error';
import { getAlert } from '$lib/server/queries/alerts/get-alert';
import { listAlertEvents } from '$lib/server/queries/alerts/list-alert-events';
import { listNotificationsOfAlert } from '$lib/server/queries/alerts/notifications';
import { listIncidentMembers } from '$lib/server/queries/alerts/list-unannounced';
import { listIncidentAccounts } from '$lib/server/queries/alerts/list-incident-accounts';

export const load = (async ({ locals, params }) => {
	if (!userCan(locals.user, 'alerts:read')) error(403, 'Your role may not see alerts');
	const alert = await getAlert(tenantScopeOf(locals.user), params.id);
	if (!alert) error(404, 'No such alert');
	const scope = tenantScopeOf(locals.user);
	const leadId = alert.incidentId || alert.id;
	const [events, notifications, lead, members, history] = await Promise.all([
		listAlertEvents({ tenant: alert.tenant, eventIds: alert.eventIds, from: alert.windowStart, to: alert.windowEnd }),
		listNotificationsOfAlert(leadId),
		leadId === alert.id ? alert : getAlert(scope, leadId),
		listIncidentMembers([leadId]),
		getAlertHistory(alert)
	]);
	const incident = [lead, ...members].filter((x) => x !== null);
	const accounts = await listIncidentAccounts(incident.map((x) => x.evidenceQuery), new Date());
	return {
		alert: toAlertJson(alert),
		history,
		events,
		// The other alerts of its incident (the one leading it first), and the accounts in their events.
		incident: incident.filter((x) => x.id !== alert.id).map(toAlertJson),
		accounts,
		emails: notifications.map((n) => ({ subject: n.subject, status: n.status, attempts: n.attempts, recipients: n.recipients, error: n.last_error || null })),
		canManage: userCan(locals.user, 'alerts:manage')
	};
}) satisfies PageServerLoad;

type ActionEvent = Parameters<Actions[string]>[0];

/** The person handling the alert and the comment they wrote, or the answer refusing them. */
async function handlerOf(event: ActionEvent, schema: typeof AlertActionSchema | typeof AlertCommentSchema) {
	const user = event.locals.user;
	if (!userCan(user, 'alerts:manage')) return fail(403, { message: 'Your role may not handle alerts' });
	const parsed = schema.safeParse({ comment: (await event.request.formData()).get('comment') ?? '' });
	if (!parsed.success) return fail(400, { message: `Comment ${parsed.error.issues[0].message}` });
	return { scope: tenantScopeOf(user), actor: auditActorOf(user), comment: parsed.data.comment, meta: requestMetaOf(event) };
}

async function run(work: () => Promise<unknown>, done: string) {
	try {
		await work();
		return { done };
	} catch (e) {
		if (e instanceof DomainError) return fail(e.status, { message: e.message });
		throw e;
	}
}

async function change(status: AlertStatus, event: ActionEvent) {
	const h = await handlerOf(event, AlertActionSchema);
	if (!('scope' in h)) return h;
	return run(() => changeAlertStatus(h.scope, event.params.id, status, h.actor, h.comment, h.meta), status);
}

export const actions = {
	acknowledge: (event) => change('acknowledged', event),
	resolve: (event) => change('resolved', event),
	reopen: (event) => change('open', event),
	/** A comment alone: kept in the history, the status unchanged. */
	comment: async (event) => {
		const h = await handlerOf(event, AlertCommentSchema);
		if (!('scope' in h)) return h;
		return run(() => commentOnAlert(h.scope, event.params.id, h.actor, h.comment, h.meta), 'commented');
	}
} satisfies Actions;
