import type { Actions, PageServerLoad } from './$types';
import { error, fail } from '@sveltejs/kit';
import { auditActorOf, tenantScopeOf, userCan } from '$lib/server/auth/access';
import type { User } from '$lib/server/auth/users';
import { defaultSendDeps } from '$lib/server/monthly/deps';
import { getMonthlyPage } from '$lib/server/monthly/page-data';
import { checkReportMonth, MonthError } from '$lib/server/monthly/request';
import { sendMonthlyReport } from '$lib/server/monthly/send-report';

/** The tenant asked for (?tenant=, else the switcher's); a report is always of exactly one tenant. */
function chosenTenant(user: User, url: URL, switcher: string, tenants: string[]): string | null {
	const asked = url.searchParams.get('tenant') || switcher || (tenants.length === 1 ? tenants[0] : '');
	if (!asked) return null;
	const scope = tenantScopeOf(user);
	if (scope !== '*' && !scope.includes(asked)) error(403, `You have no access to the tenant "${asked}"`);
	return asked;
}

async function month(text: string, tenant: string, mustHaveEnded: boolean) {
	try {
		return await checkReportMonth(text, tenant, new Date(), mustHaveEnded);
	} catch (e) {
		if (e instanceof MonthError) error(400, e.message);
		throw e;
	}
}

export const load = (async ({ locals, params, url, parent }) => {
	if (!userCan(locals.user, 'reports:read')) error(403, 'Your role cannot see reports');
	const { tenant: switcher, tenants } = await parent();
	const tenant = chosenTenant(locals.user, url, switcher, tenants);
	if (!tenant) return { month: params.month, tenant: null, tenants, canSend: false, page: null };
	const m = await month(params.month, tenant, false);
	return { month: m, tenant, tenants, canSend: userCan(locals.user, 'settings:manage'), page: await getMonthlyPage(tenant, m, new Date()) };
}) satisfies PageServerLoad;

async function send(event: Parameters<Actions[string]>[0], mode: 'once' | 'resend') {
	const user = event.locals.user;
	if (!userCan(user, 'settings:manage')) error(403, 'Only administrators can send reports');
	const tenant = String((await event.request.formData()).get('tenant') ?? '');
	const scope = tenantScopeOf(user);
	if (!tenant || (scope !== '*' && !scope.includes(tenant))) return fail(400, { message: 'Choose a tenant you have access to' });
	let m: string;
	try {
		m = await checkReportMonth(event.params.month ?? '', tenant, new Date(), true);
	} catch (e) {
		if (e instanceof MonthError) return fail(400, { message: e.message });
		throw e;
	}
	const result = await sendMonthlyReport(tenant, m, mode, auditActorOf(user), defaultSendDeps());
	if (result.outcome === 'failed') return fail(502, { message: `Sending failed: ${result.run?.error ?? 'unknown error'}. Nothing was lost; try again.` });
	return { outcome: result.outcome, recipients: result.run?.recipients ?? [] };
}

export const actions = {
	send: (event) => send(event, 'once'),
	resend: (event) => send(event, 'resend')
} satisfies Actions;
