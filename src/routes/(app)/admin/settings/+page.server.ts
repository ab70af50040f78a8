import type { PageServerLoad } from './$types';
import { error } from '@sveltejs/kit';
import { userCan } from '$lib/server/auth/access';
import { getConfig, type Config } from '$lib/server/config';

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

export const load = (async ({ locals }) => {
	if (!userCan(locals.user, 'settings:manage')) error(403, 'Only administrators can see the settings');
	return { groups: describe(getConfig()) };
}) satisfies PageServerLoad;
