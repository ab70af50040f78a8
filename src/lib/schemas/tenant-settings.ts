import { z } from 'zod';
import { TimeZoneSchema } from './time-zone';

const clock = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be a time of day as HH:MM');

/** When a tenant works: days are ISO weekdays (1 Monday ... 7 Sunday), times in its zone, end exclusive. */
export const BusinessHoursSchema = z
	.object({
		timezone: TimeZoneSchema,
		days: z.array(z.number().int().min(1).max(7)).max(7),
		start: clock,
		end: clock
	})
	.refine((b) => b.start < b.end, { message: 'business hours must start before they end', path: ['end'] });
export type BusinessHours = z.infer<typeof BusinessHoursSchema>;

/** The seeds' "outside business hours": Monday to Friday, 08:00 to 19:00. */
export const DEFAULT_BUSINESS_HOURS: BusinessHours = { timezone: 'UTC', days: [1, 2, 3, 4, 5], start: '08:00', end: '19:00' };

const Recipients = z.array(z.email({ message: 'must be an email address' })).max(50);

/** What an administrator sets per tenant on the settings page. */
export const TenantSettingsSchema = z.object({
	businessHours: BusinessHoursSchema,
	/** Who gets this tenant's monthly compliance report, beside REPORT_RECIPIENTS. */
	reportRecipients: Recipients,
	/** Who gets this tenant's alerts, beside ALERT_RECIPIENTS and each rule's own. */
	alertRecipients: Recipients
});
export type TenantSettings = z.infer<typeof TenantSettingsSchema>;

export const DEFAULT_TENANT_SETTINGS: TenantSettings = { businessHours: DEFAULT_BUSINESS_HOURS, reportRecipients: [], alertRecipients: [] };
