import { TenantSettingsSchema, type TenantSettings } from '../../schemas/tenant-settings';
import { recordAudit, type AuditActor } from '../audit/record-audit';
import type { RequestMeta } from '../auth/manage-users';
import { getTenantSettings, saveTenantSettings } from './tenant-settings';

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * Saves a tenant's settings and records the change in Trailscope's own audit trail, with the
 * fields that changed before and after. Saving what is already there changes nothing and
 * records nothing. Returns the names of the fields that changed.
 */
export async function changeTenantSettings(tenant: string, next: TenantSettings, by: AuditActor, meta: RequestMeta, now = new Date()): Promise<string[]> {
	const parsed = TenantSettingsSchema.parse(next);
	const current = await getTenantSettings(tenant);
	const changed = (Object.keys(parsed) as (keyof TenantSettings)[]).filter((k) => !same(current[k], parsed[k]));
	if (changed.length === 0) return [];
	await saveTenantSettings(tenant, parsed, by.email ?? by.id, now);
	const pick = (s: TenantSettings) => Object.fromEntries(changed.map((k) => [k, s[k]]));
	await recordAudit(
		{ actor: by, action: 'tenant_settings_updated', category: 'configuration', target: { type: 'tenant', id: tenant, name: tenant }, changes: { before: pick(current), after: pick(parsed) }, ...meta },
		now
	);
	return changed;
}
