import { getTenantSettings } from '../tenants/tenant-settings';
import { isMonth, monthEnded, monthRange, type Month } from './month';

/** A month named in a URL that cannot be reported on, with the message a person reads. */
export class MonthError extends Error {}

/** Checks a `YYYY-MM` from a URL for a tenant: a real month that has begun in the tenant's zone. */
export async function checkReportMonth(text: string, tenant: string, now: Date, mustHaveEnded: boolean): Promise<Month> {
	if (!isMonth(text)) throw new MonthError(`"${text}" is not a month; write it as YYYY-MM, such as 2026-11`);
	const { timezone } = (await getTenantSettings(tenant)).businessHours;
	if (monthRange(text, timezone).from > now) throw new MonthError(`${text} has not begun yet in ${tenant}'s time zone (${timezone})`);
	if (mustHaveEnded && !monthEnded(text, timezone, now)) throw new MonthError(`${text} is not over yet in ${tenant}'s time zone (${timezone}); it can be previewed but not sent`);
	return text;
}
