import type { BusinessHours } from '../../schemas/tenant-settings';
import { listTenants } from '../queries/events/list-tenants';
import type { Sql } from '../queries/reports/report-sql';
import { offHoursSql } from '../tenants/business-hours';
import { getTenantSettings } from '../tenants/tenant-settings';
import type { ReportQuery } from './report-query';

/** The tenants a report covers: the one asked for, the caller's list, or every tenant holding events. */
export async function reportTenants(q: ReportQuery): Promise<string[]> {
	if (q.tenant) return [q.tenant];
	return q.scope === '*' ? listTenants() : [...q.scope];
}

/**
 * A condition true for events outside their own tenant's business hours: tenants that share the
 * same hours share one test. Also returns the hours per tenant, to show beside the figures.
 */
export async function offHoursCondition(q: ReportQuery): Promise<Sql & { hours: Record<string, BusinessHours> }> {
	const tenants = await reportTenants(q);
	const hours: Record<string, BusinessHours> = {};
	for (const t of tenants) hours[t] = (await getTenantSettings(t)).businessHours;
	const groups = new Map<string, { bh: BusinessHours; tenants: string[] }>();
	for (const t of tenants) {
		const k = JSON.stringify(hours[t]);
		groups.set(k, { bh: hours[t], tenants: [...(groups.get(k)?.tenants ?? []), t] });
	}
	const parts: string[] = [];
	const params: Record<string, unknown> = {};
	[...groups.values()].forEach((g, i) => {
		const off = offHoursSql(g.bh, 'occurred_at', `bh${i}`);
		parts.push(`(tenant IN {bh${i}Tenants:Array(String)} AND ${off.sql})`);
		Object.assign(params, off.params, { [`bh${i}Tenants`]: g.tenants });
	});
	return { sql: parts.length ? `(${parts.join(' OR ')})` : '0', params, hours };
}
