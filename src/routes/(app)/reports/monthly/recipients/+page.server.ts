import type { Actions, PageServerLoad } from './$types';
import { error, fail } from '@sveltejs/kit';
import { requestMetaOf } from '$lib/admin/request-meta';
import { auditActorOf, tenantScopeOf, userCan } from '$lib/server/auth/access';
import type { User } from '$lib/server/auth/users';
import { getConfig } from '$lib/server/config';
import { RecipientsText, saveReportRecipients } from '$lib/server/monthly/recipients';
import { getTenantSettings } from '$lib/server/tenants/tenant-settings';

function administrator(locals: App.Locals): User {
	if (!userCan(locals.user, 'settings:manage')) error(403, 'Only administrators can change report recipients');
	return locals.user;
}

function allowed(user: User, tenant: string) {
	const scope = tenantScopeOf(user);
	return !!tenant && (scope === '*' || scope.includes(tenant));
}

export const load = (async ({ locals, url, parent }) => {
	const user = administrator(locals);
	const { tenant: switcher, tenants } = await parent();
	const tenant = url.searchParams.get('tenant') || switcher || tenants[0] || '';
	if (tenant && !allowed(user, tenant)) error(403, `You have no access to the tenant "${tenant}"`);
	const recipients = tenant ? (await getTenantSettings(tenant)).reportRecipients : [];
	return { tenant, tenants, recipients, global: getConfig().monthlyReport.recipients };
}) satisfies PageServerLoad;

export const actions = {
	default: async (event) => {
		const user = administrator(event.locals);
		const form = await event.request.formData();
		const tenant = String(form.get('tenant') ?? '');
		const text = String(form.get('recipients') ?? '');
		if (!allowed(user, tenant)) return fail(400, { text, message: 'Choose a tenant you have access to.' });
		const parsed = RecipientsText.safeParse(text);
		if (!parsed.success) {
			const issue = parsed.error.issues[0];
			const value = typeof issue.path[0] === 'number' ? ` ("${text.split(/[\s,;]+/).filter(Boolean)[issue.path[0]]}")` : '';
			return fail(400, { text, message: `Recipients${value}: ${issue.message}.` });
		}
		const changed = await saveReportRecipients(tenant, parsed.data, auditActorOf(user), requestMetaOf(event));
		return { saved: changed, recipients: parsed.data };
	}
} satisfies Actions;
