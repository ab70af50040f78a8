import { DEFAULT_TENANT_SETTINGS, TenantSettingsSchema, type TenantSettings } from '../../schemas/tenant-settings';
import { getSetting } from '../queries/settings/get-setting';
import { insertSetting } from '../queries/settings/insert-setting';

const key = (tenant: string) => `tenant.${tenant}`;

export interface TenantSettingsRead {
	settings: TenantSettings;
	/** What of the stored value could not be read, each with why; the defaults stand in for those parts. */
	problems: string[];
}

const issueText = (i: { path: PropertyKey[]; message: string }) => `${i.path.map(String).join('.') || '(value)'}: ${i.message}`;

/**
 * Settings from their stored JSON, field by field: a field that no longer parses (an older shape,
 * a hand edit) takes its default, and the problem names it, so the rest still applies.
 */
export function parseStoredSettings(value: string): TenantSettingsRead {
	let stored: unknown;
	try {
		stored = JSON.parse(value);
	} catch (e) {
		return { settings: DEFAULT_TENANT_SETTINGS, problems: [`the stored settings are not JSON (${(e as Error).message}); every setting is at its default`] };
	}
	if (typeof stored !== 'object' || stored === null || Array.isArray(stored)) return { settings: DEFAULT_TENANT_SETTINGS, problems: ['the stored settings are not an object; every setting is at its default'] };
	const out = { ...DEFAULT_TENANT_SETTINGS };
	const problems: string[] = [];
	for (const field of Object.keys(out) as (keyof TenantSettings)[]) {
		const parsed = TenantSettingsSchema.shape[field].safeParse((stored as Record<string, unknown>)[field]);
		if (parsed.success) (out as Record<string, unknown>)[field] = parsed.data;
		else problems.push(`${field} could not be read (${parsed.error.issues.map(issueText).join('; ')}); its default is in force`);
	}
	return { settings: out, problems };
}

// Logged once per stored value: settings are read on every page and tick, the log needs it once.
const logged = new Set<string>();

/** A tenant's settings (the defaults where none were saved) and what of the stored value could not be read. */
export async function readTenantSettings(tenant: string): Promise<TenantSettingsRead> {
	const value = await getSetting(key(tenant));
	if (value === null) return { settings: DEFAULT_TENANT_SETTINGS, problems: [] };
	const read = parseStoredSettings(value);
	if (read.problems.length && !logged.has(`${tenant}\n${value}`)) {
		if (logged.size > 1000) logged.clear();
		logged.add(`${tenant}\n${value}`);
		console.warn(`settings of tenant ${tenant}: ${read.problems.join('; ')}`);
	}
	return read;
}

export const getTenantSettings = async (tenant: string): Promise<TenantSettings> => (await readTenantSettings(tenant)).settings;

/** Saves a tenant's settings as a new version; the caller records the change in the audit trail. */
export async function saveTenantSettings(tenant: string, settings: TenantSettings, updatedBy: string, now = new Date()): Promise<void> {
	const value = JSON.stringify(TenantSettingsSchema.parse(settings));
	await insertSetting(key(tenant), value, updatedBy, now);
}
