import { z } from 'zod';
import type { BusinessHours } from '../../../schemas/tenant-settings';
import { query } from '../../clickhouse/query';
import { displayIp } from '../../ingest/ip';
import { offHoursSql } from '../../tenants/business-hours';
import { CONFIG_CHANGE, DELETION, EXPORT, PRIVILEGE_CHANGE, SIGN_IN } from '../event-kinds';
import { ACTOR_LABEL, chIso, MONTH_WHERE, monthParams, type MonthScope } from './month-where';

/** What counts as off-hours activity: sign-ins and the sensitive actions (issue 5). */
const SENSITIVE = `(${SIGN_IN} OR ${PRIVILEGE_CHANGE} OR ${CONFIG_CHANGE} OR ${EXPORT} OR ${DELETION})`;

const Row = z.object({
	id: z.string(),
	occurredAt: z.string().transform(chIso),
	actor: z.string(),
	action: z.string(),
	ip: z.string().transform(displayIp),
	total: z.coerce.number()
});

/** Sign-ins and sensitive actions outside the tenant's business hours, oldest first, with the total. */
export function listOffHours(s: MonthScope, bh: BusinessHours, limit: number) {
	const off = offHoursSql(bh);
	return query({
		name: 'monthly.listOffHours',
		row: Row,
		params: { ...monthParams(s), ...off.params, limit },
		sql: `SELECT toString(id) AS id, toString(occurred_at) AS "occurredAt", ${ACTOR_LABEL} AS actor, action, IPv6NumToString(ip) AS ip,
				count() OVER () AS total
			FROM events WHERE ${MONTH_WHERE} AND ${SENSITIVE} AND ${off.sql}
			ORDER BY occurred_at, id LIMIT {limit:UInt32}`
	});
}
