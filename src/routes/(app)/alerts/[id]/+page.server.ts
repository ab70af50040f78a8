import type { Actions, PageServerLoad } from './$types';
import { error, fail } from '@sveltejs/kit';
import { requestMetaOf } from '$lib/admin/request-meta';
import { AlertActionSchema } from '$lib/schemas/alert-query';
import { toAlertJson } from '$lib/server/alerts/alert-json';
import { changeAlertStatus } from '$lib/server/alerts/alert-lifecycle';
import { auditActorOf, tenantScopeOf, userCan } from '$lib/server/auth/access';
import { DomainError } from '$lib/server/auth/domain-error';
import { getAlert } from '$lib/server/queries/alerts/get-alert';
import { listAlertEvents } from '$lib/server/queries/alerts/list-alert-events';
import { listNotificationsOfAlert } from '$lib/server/queries/alerts/notifications';
import { listIncidentMembers } from '$lib/server/queries/alerts/list-unannounced';
import { listIncidentAccounts } from '$lib/server/queries/alerts/list-incident-accounts';
import { getTenantSettings } from '$lib/server/tenants/tenant-settings';

export const load = (async ({ locals, params }) => {
	if (!userCan(locals.user, 'alerts:read')) error(403, 'Your role may not see alerts');
	const alert = await getAlert(tenantScopeOf(locals.user), params.id);
	if (!alert) error(404, 'No such alert');
	const scope = tenantScopeOf(locals.user);
	const leadId = alert.incidentId || alert.id;
	const [events, notifications, settings, lead, members] = await Promise.all([
		listAlertEvents({ tenant: alert.tenant, eventIds: alert.eventIds, from: alert.windowStart, to: alert.windowEnd }),
		listNotificationsOfAlert(leadId),
		getTenantSettings(alert.tenant),
		leadId === alert.id ? alert : getAlert(scope, leadId),
		listIncidentMembers([leadId])
	]);
	const incident = [lead, ...members].filter((x) => x !== null);
	const accounts = await listIncidentAccounts(incident.map((x) => x.evidenceQuery), new Date());
	return {
		alert: toAlertJson(alert),
		events,
		// The other alerts of its incident (the one leading it first), and the accounts in their events.
		incident: incident.filter((x) => x.id !== alert.id).map(toAlertJson),
		accounts,
		timezone: settings.businessHours.timezone,
		emails: notifications.map((n) => ({ subject: n.subject, status: n.status, attempts: n.attempts, recipients: n.recipients, error: n.last_error || null })),
		canManage: userCan(locals.user, 'alerts:manage')
	};
}) satisfies PageServerLoad;

async function change(status: 'acknowledged' | 'resolved', event: Parameters<Actions[string]>[0]) {
	const user = event.locals.user;
	if (!userCan(user, 'alerts:manage')) return fail(403, { message: 'Your role may not handle alerts' });
	const parsed = AlertActionSchema.safeParse({ comment: (await event.request.formData()).get('comment') ?? '' });
	if (!parsed.success) return fail(400, { message: `Comment ${parsed.error.issues[0].message}` });
	try {
		await changeAlertStatus(tenantScopeOf(user), event.params.id, status, auditActorOf(user), parsed.data.comment, requestMetaOf(event));
		return { done: status };
	} catch (e) {
		if (e instanceof DomainError) return fail(e.status, { message: e.message });
		throw e;
	}
}

export const actions = {
	acknowledge: (event) => change('acknowledged', event),
	resolve: (event) => change('resolved', event)
} satisfies Actions;
