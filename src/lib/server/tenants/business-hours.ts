import { DateTime } from 'luxon';
import type { BusinessHours } from '../../schemas/tenant-settings';

const minutes = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

/** Whether a moment falls outside the tenant's business hours, in the tenant's zone. */
export function isOffHours(bh: BusinessHours, at: Date): boolean {
	const local = DateTime.fromJSDate(at, { zone: bh.timezone });
	const m = local.hour * 60 + local.minute;
	return !(bh.days.includes(local.weekday) && m >= minutes(bh.start) && m < minutes(bh.end));
}

/**
 * A condition true for events outside business hours, with its parameters. ClickHouse takes the
 * zone as a constant argument; a bound parameter is substituted before analysis, so it is one.
 * `prefix` keeps parameter names apart when a query holds several of these.
 */
export function offHoursSql(bh: BusinessHours, column = 'occurred_at', prefix = 'bh'): { sql: string; params: Record<string, unknown> } {
	const tz = `{${prefix}Tz:String}`;
	const local = `(toHour(${column}, ${tz}) * 60 + toMinute(${column}, ${tz}))`;
	return {
		sql: `NOT (toDayOfWeek(${column}, 0, ${tz}) IN {${prefix}Days:Array(UInt8)} AND ${local} >= {${prefix}Start:UInt16} AND ${local} < {${prefix}End:UInt16})`,
		params: { [`${prefix}Tz`]: bh.timezone, [`${prefix}Days`]: bh.days, [`${prefix}Start`]: minutes(bh.start), [`${prefix}End`]: minutes(bh.end) }
	};
}
