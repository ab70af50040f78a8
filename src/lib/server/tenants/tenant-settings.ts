import { z } from 'zod';
import { DEFAULT_TENANT_SETTINGS, TenantSettingsSchema, type TenantSettings } from '../../schemas/tenant-settings';
import { command, query } from '../clickhouse/query';
import { toChTime } from '../clickhouse/time';

const key = (tenant: string) => `tenant.${tenant}`;
const Row = z.object({ value: z.string() });

/**
 * A tenant's settings, the defaults where none were saved. A stored value that no longer parses
 * (an older shape) falls back field by field rather than breaking every page and rule of the tenant.
 */
export async function getTenantSettings(tenant: string): Promise<TenantSettings> {
	const rows = await query({ name: 'tenants.getTenantSettings', row: Row, params: { key: key(tenant) }, sql: 'SELECT value FROM settings FINAL WHERE key = {key:String}' });
	if (rows.length === 0) return DEFAULT_TENANT_SETTINGS;
	let stored: Record<string, unknown> = {};
	try {
		stored = JSON.parse(rows[0].value);
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
	await command(
		'tenants.saveTenantSettings',
		'INSERT INTO settings (key, value, updated_at, updated_by) VALUES ({key:String}, {value:String}, {at:DateTime64(3)}, {by:String})',
		{ key: key(tenant), value, at: toChTime(now), by: updatedBy }
	);
}
