import { DEFAULT_TENANT_SETTINGS, TenantSettingsSchema, type TenantSettings } from '../../schemas/tenant-settings';
import { getSetting } from '../queries/settings/get-setting';
import { insertSetting } from '../queries/settings/insert-setting';

const key = (tenant: string) => `tenant.${tenant}`;

/**
 * A tenant's settings, the defaults where none were saved. A stored value that no longer parses
 * (an older shape) falls back field by field rather than breaking every page and rule of the tenant.
 */
export async function getTenantSettings(tenant: string): Promise<TenantSettings> {
	const value = await getSetting(key(tenant));
	if (value === null) return DEFAULT_TENANT_SETTINGS;
	let stored: Record<string, unknown> = {};
	try {
		stored = JSON.parse(value);
	} catch {
		return DEFAULT_TENANT_SETTINGS;
	}
	const out = { ...DEFAULT_TENANT_SETTINGS };
	for (const field of Object.keys(out) as (keyof TenantSettings)[]) {
		const parsed = TenantSettingsSchema.shape[field].safeParse(stored[field]);
		if (parsed.success) (out as Record<string, unknown>)[field] = parsed.data;
	}
	return out;
}

/** Saves a tenant's settings as a new version; the caller records the change in the audit trail. */
export async function saveTenantSettings(tenant: string, settings: TenantSettings, updatedBy: string, now = new Date()): Promise<void> {
	const value = JSON.stringify(TenantSettingsSchema.parse(settings));
	await insertSetting(key(tenant), value, updatedBy, now);
}
