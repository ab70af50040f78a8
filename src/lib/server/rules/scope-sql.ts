import type { BusinessHours } from '../../schemas/tenant-settings';
import { toChTime } from '../clickhouse/time';
import { offHoursSql } from '../tenants/business-hours';
import type { TimeRange } from './plan-arrivals';

/** One tenant's part of a rule evaluation: the windows to evaluate, and the hours it works. */
export interface TenantScope {
	tenant: string;
	ranges: readonly TimeRange[];
	businessHours: BusinessHours;
}

/**
 * `column` within any of the ranges, each widened `lookBackMs` to the past. Written as an OR of
 * ranges with their own parameters, which the primary key prunes on (an array test would not).
 */
export function inRanges(params: Record<string, unknown>, prefix: string, ranges: readonly TimeRange[], lookBackMs: number, column = 'occurred_at'): string {
	const parts = ranges.map((r, i) => {
		params[`${prefix}${i}f`] = toChTime(new Date(r.from.getTime() - lookBackMs));
		params[`${prefix}${i}t`] = toChTime(r.to);
		return `(${column} >= {${prefix}${i}f:DateTime64(3)} AND ${column} < {${prefix}${i}t:DateTime64(3)})`;
	});
	return `(${parts.join(' OR ')})`;
}

export interface ScopeOptions {
	/** Widen each range this far to the past (a rolling window's look-back). */
	lookBackMs?: number;
	/** Keep only events outside each tenant's own business hours. */
	offHours?: boolean;
	column?: string;
	/** Other ranges than the scope's own, per tenant (a baseline, a look-back period). */
	rangesOf?: (s: TenantScope) => readonly TimeRange[];
}

/**
 * `(tenant = t0 AND <t0's ranges> [AND outside t0's hours]) OR (tenant = t1 AND ...)`: one query
 * evaluates a rule for every tenant, each over its own windows and by its own business hours.
 */
export function scopeSql(params: Record<string, unknown>, prefix: string, scopes: readonly TenantScope[], o: ScopeOptions = {}): string {
	const column = o.column ?? 'occurred_at';
	const parts = scopes.map((s, i) => {
		params[`${prefix}${i}n`] = s.tenant;
		const time = inRanges(params, `${prefix}${i}r`, o.rangesOf ? o.rangesOf(s) : s.ranges, o.lookBackMs ?? 0, column);
		let off = '';
		if (o.offHours) {
			const h = offHoursSql(s.businessHours, column, `${prefix}${i}h`);
			Object.assign(params, h.params);
			off = ` AND ${h.sql}`;
		}
		return `(tenant = {${prefix}${i}n:String} AND ${time}${off})`;
	});
	return `(${parts.join(' OR ')})`;
}

/** Outside each tenant's own business hours, for rows of any of the scopes' tenants. */
export function offHoursByTenant(params: Record<string, unknown>, prefix: string, scopes: readonly TenantScope[], column = 'occurred_at'): string {
	const parts = scopes.map((s, i) => {
		params[`${prefix}${i}n`] = s.tenant;
		const h = offHoursSql(s.businessHours, column, `${prefix}${i}h`);
		Object.assign(params, h.params);
		return `(tenant = {${prefix}${i}n:String} AND ${h.sql})`;
	});
	return `(${parts.join(' OR ')})`;
}
