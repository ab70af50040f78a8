import { TenantSettingsSchema, type TenantSettings } from '../schemas/tenant-settings';
import { fieldMessages } from './issues';

/** The settings form as typed: recipients as text, days as the checked boxes. */
export interface SettingsFormValues {
	tenant: string;
	timezone: string;
	days: number[];
	start: string;
	end: string;
	reportRecipients: string;
	alertRecipients: string;
}

const LABELS: Record<string, string> = {
	timezone: 'Time zone',
	days: 'Working days',
	start: 'Start',
	end: 'End',
	reportRecipients: 'Report recipients',
	alertRecipients: 'Alert recipients',
	form: 'Business hours'
};

/** Addresses separated by commas, semicolons, spaces or new lines. */
export const splitAddresses = (text: string) =>
	text
		.split(/[\s,;]+/)
		.map((s) => s.trim())
		.filter(Boolean);

export function formValues(form: FormData): SettingsFormValues {
	const text = (k: string) => {
		const v = form.get(k);
		return typeof v === 'string' ? v : '';
	};
	return {
		tenant: text('tenant').trim(),
		timezone: text('timezone').trim(),
		days: form.getAll('days').map(Number).filter((d) => Number.isInteger(d)),
		start: text('start').trim(),
		end: text('end').trim(),
		reportRecipients: text('reportRecipients'),
		alertRecipients: text('alertRecipients')
	};
}

export const valuesOf = (tenant: string, s: TenantSettings): SettingsFormValues => ({
	tenant,
	...s.businessHours,
	reportRecipients: s.reportRecipients.join('\n'),
	alertRecipients: s.alertRecipients.join('\n')
});

/** The settings of a filled form, or one message per field in words (the end-before-start one under `end`). */
export function parseSettingsForm(v: SettingsFormValues): { ok: true; settings: TenantSettings } | { ok: false; errors: Record<string, string> } {
	const input = {
		businessHours: { timezone: v.timezone, days: [...new Set(v.days)].sort(), start: v.start, end: v.end },
		reportRecipients: splitAddresses(v.reportRecipients),
		alertRecipients: splitAddresses(v.alertRecipients)
	};
	const parsed = TenantSettingsSchema.safeParse(input);
	if (parsed.success) return { ok: true, settings: parsed.data };
	// Business-hours problems belong to their own field, not to "businessHours" as a whole.
	const flat = { ...parsed.error, issues: parsed.error.issues.map((i) => (i.path[0] === 'businessHours' ? { ...i, path: i.path.length > 1 ? i.path.slice(1) : ['form'] } : i)) };
	return { ok: false, errors: fieldMessages(flat as typeof parsed.error, { ...input.businessHours, ...input }, LABELS) };
}
