import type { BusinessHours } from '../../schemas/tenant-settings';
import type { EventMatch, RuleField, RuleValue } from '../../schemas/rule';
import { ACCOUNT, DELETED_ITEMS } from '../queries/event-kinds';
import { KIND_SQL, kindsSql } from '../queries/kind-sql';
import { offHoursSql } from '../tenants/business-hours';
import { buildOperatorWhere } from '../queries/events/event-where';

export { KIND_SQL };

/** What a group value is, as text; an empty text means the event has no such value. */
export const FIELD_SQL: Record<RuleField, string> = {
	// IPv4 is stored mapped into IPv6; people read and type it plainly.
	ip: `if(ip = toIPv6('::'), '', if(startsWith(IPv6NumToString(ip), '::ffff:') AND position(IPv6NumToString(ip), '.') > 0, substring(IPv6NumToString(ip), 8), IPv6NumToString(ip)))`,
	account: ACCOUNT,
	actor: `if(actor_id != '', actor_id, lower(actor_email))`,
	country: `toString(country)`,
	source: `toString(source)`,
	target: `if(target_id != '', concat(toString(target_type), ':', target_id), '')`
};

export const VALUE_SQL: Record<RuleValue, string> = {
	records: 'records',
	bytes: 'bytes',
	deleted_items: DELETED_ITEMS
};

export interface Fragment {
	sql: string;
	params: Record<string, unknown>;
}

/** Events of any of the match's kinds, outside business hours when it asks so. */
export function matchSql(m: EventMatch, bh: BusinessHours, prefix: string): Fragment {
	const parts = [kindsSql(m.kinds)];
	let params: Record<string, unknown> = {};
	if (m.offHours) {
		const off = offHoursSql(bh, 'occurred_at', prefix);
		parts.push(off.sql);
		params = off.params;
	}
	if (m.where?.length) {
		// Time filters are refused by the schema, so no clock is needed to build these.
		const w = buildOperatorWhere(m.where, new Date(0), `${prefix}w`);
		parts.push(`(${w.sql})`);
		params = { ...params, ...w.params };
	}
	return { sql: parts.length === 1 ? parts[0] : `(${parts.join(' AND ')})`, params };
}

/** The group as an array of texts, and a condition that every part of it is present. */
export function groupSql(fields: readonly RuleField[]): { expr: string; present: string } {
	const parts = fields.map((f) => FIELD_SQL[f]);
	return { expr: `[${parts.join(', ')}]`, present: parts.map((p) => `${p} != ''`).join(' AND ') };
}
