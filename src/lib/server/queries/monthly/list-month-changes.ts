import { z } from 'zod';
import { query } from '../../clickhouse/query';
import { displayIp } from '../../ingest/ip';
import { CONFIG_CHANGE, PRIVILEGE_CHANGE, PRIVILEGE_ELEVATION } from '../event-kinds';
import { ACTOR_LABEL, MONTH_WHERE, monthParams, type MonthScope } from './month-where';
import { chTimeToIso } from '../../clickhouse/time';

const Row = z.object({
	id: z.string(),
	occurredAt: z.string().transform(chTimeToIso),
	actor: z.string(),
	action: z.string(),
	target: z.string(),
	changes: z.string(),
	changedFields: z.array(z.string()),
	ip: z.string().transform(displayIp),
	elevation: z.coerce.number().transform((n) => n === 1)
});
export type ChangeEventRow = z.infer<typeof Row>;

/** At most this many rows of one kind; a month with more is an incident, and the timeline has them all. */
export const CHANGES_CAP = 10_000;

/** Every privilege or configuration change of the period, oldest first (the order an auditor reads). */
export function listMonthChanges(s: MonthScope, kind: 'privilege' | 'configuration') {
	return query({
		name: `monthly.listMonthChanges.${kind}`,
		row: Row,
		params: { ...monthParams(s), cap: CHANGES_CAP },
		sql: `SELECT toString(id) AS id, toString(occurred_at) AS "occurredAt", ${ACTOR_LABEL} AS actor, action,
				multiIf(target_name != '', target_name, target_id != '', concat(target_type, ' ', target_id), target_type) AS target,
				changes, changed_fields AS "changedFields", IPv6NumToString(ip) AS ip,
				toUInt8(${kind === 'privilege' ? PRIVILEGE_ELEVATION : '0'}) AS elevation
			FROM events WHERE ${MONTH_WHERE} AND ${kind === 'privilege' ? PRIVILEGE_CHANGE : CONFIG_CHANGE}
			ORDER BY occurred_at, id LIMIT {cap:UInt32}`
	});
}
