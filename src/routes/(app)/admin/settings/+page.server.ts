import type { Actions, PageServerLoad } from './$types';
import { error, fail } from '@sveltejs/kit';
import { covers } from '$lib/server/auth/authority';
import { pagePrincipal } from '$lib/admin/authority.server';
import { getConfig, type Config } from '$lib/server/config';
import { readTenantSettings } from '$lib/server/tenants/tenant-settings';
import { changeTenantSettings } from '$lib/server/tenants/change-tenant-settings';
import { formValues, parseSettingsForm, valuesOf } from '$lib/admin/tenant-settings-form';
import { requestMetaOf } from '$lib/admin/request-meta';
import { getSealOverview } from '$lib/server/seals/seal-overview';

interface Setting {
	label: string;
	value: string;
	variable: string;
}

/** A server URL without any user or password written into it. */
function withoutCredentials(url: string): string {
	try {
		const u = new URL(url);
		u.username = '';
		u.password = '';
		return u.toString().replace(/\/$/, '');
	} catch {
		return '(not a URL)';
	}
}

function storeSettings(c: Config['clickhouse']): Setting[] {
	const common = { label: 'Database', value: c.database, variable: 'CLICKHOUSE_DATABASE' };
	if (c.mode === 'embedded') return [{ label: 'Store', value: `embedded ClickHouse in ${c.path}`, variable: 'CLICKHOUSE_URL (unset), DATA_DIR' }, common];
	return [{ label: 'Store', value: `ClickHouse server at ${withoutCredentials(c.url)}`, variable: 'CLICKHOUSE_URL' }, { label: 'User', value: c.username, variable: 'CLICKHOUSE_USER' }, common];
}

/** The configuration in effect, grouped as people look for it; never a password or key. */
function describe(c: Config): { title: string; settings: Setting[] }[] {
	return [
		{
			title: 'Retention',
			settings: [
				{ label: 'Events are kept for', value: `${c.retention.days} days`, variable: 'RETENTION_DAYS' },
				{ label: 'Security events (authentication, authorization…) are kept for', value: `${c.retention.securityDays} days`, variable: 'RETENTION_SECURITY_DAYS' }
			]
		},
		{
			title: 'Archive',
			settings: [
				{ label: 'Archive before deletion', value: c.archive.enabled ? 'on' : 'off', variable: 'ARCHIVE' },
				{ label: 'Archive directory', value: c.archive.dir, variable: 'ARCHIVE_DIR' },
				{ label: 'Archived this long before deletion', value: `${c.archive.leadDays} days`, variable: 'ARCHIVE_LEAD_DAYS' }
			]
		},
		{
			title: 'Seals',
			settings: [
				{ label: 'Each seal covers', value: `${c.seals.periodMs / 60_000} minutes`, variable: 'SEAL_PERIOD_MINUTES' },
				{ label: 'Each sealing run re-verifies the last', value: `${c.seals.verifyDays} days`, variable: 'SEAL_VERIFY_DAYS' },
				{ label: 'Signing key file', value: c.seals.keyFile, variable: 'SEAL_PRIVATE_KEY_FILE' }
			]
		},
		{
			title: 'Sessions',
			settings: [
				{ label: 'Signed out after being idle for', value: `${c.sessions.idleMinutes} minutes`, variable: 'SESSION_IDLE_MINUTES' },
				{ label: 'Signed out in any case after', value: `${c.sessions.absoluteHours} hours`, variable: 'SESSION_MAX_HOURS' }
			]
		},
		{
			title: 'Self-audit',
			settings: [{ label: "Trailscope's own actions are recorded in the tenant", value: c.auditTenant, variable: 'AUDIT_TENANT' }]
		},
		{ title: 'Store', settings: storeSettings(c.clickhouse) }
	];
}

// A tenant's settings need an administrator of that tenant; the instance's own, one of every tenant.
const administrator = (locals: App.Locals, tenant: string) => pagePrincipal(locals, 'settings:manage', [tenant], `the settings of ${tenant}`);

const TENANT = /^[A-Za-z0-9._-]{1,128}$/;

export const load = (async ({ locals, url, parent }) => {
	const { tenant: chosen, tenants } = await parent();
	// The tenant of ?tenant=, else the one chosen in the header, else the first there is.
	const tenant = url.searchParams.get('tenant') || chosen || tenants[0] || 'default';
	if (!TENANT.test(tenant)) error(400, 'This tenant name is not valid.');
	const me = administrator(locals, tenant);
	const [{ settings, problems }, seals] = await Promise.all([readTenantSettings(tenant), getSealOverview(tenant)]);
	return { groups: covers(me, '*') ? describe(getConfig()) : [], tenant, tenants: [...new Set([...tenants, tenant])].sort(), values: valuesOf(tenant, settings), unreadable: problems, seals };
}) satisfies PageServerLoad;

export const actions = {
	save: async (event) => {
		const values = formValues(await event.request.formData());
		if (!TENANT.test(values.tenant)) return fail(400, { values, errors: { form: 'Choose a tenant.' } });
		const me = administrator(event.locals, values.tenant);
		const parsed = parseSettingsForm(values);
		if (!parsed.ok) return fail(400, { values, errors: parsed.errors });
		const changed = await changeTenantSettings(values.tenant, parsed.settings, me.actor, requestMetaOf(event));
		return { values, saved: changed.length ? `Saved the settings of ${values.tenant}.` : 'Nothing changed.' };
	}
} satisfies Actions;
