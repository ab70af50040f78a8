import { toChTime } from '../../clickhouse/time';

/** One tenant and one period: what every monthly query is bounded by. */
export interface MonthScope {
	tenant: string;
	from: Date;
	to: Date;
}

export const MONTH_WHERE = `tenant = {tenant:String} AND occurred_at >= {from:DateTime64(3)} AND occurred_at < {to:DateTime64(3)}`;

export const monthParams = (s: MonthScope) => ({ tenant: s.tenant, from: toChTime(s.from), to: toChTime(s.to) });

/** ClickHouse's DateTime64 text as ISO 8601 UTC. */

/** Who did it, as people read it: the email when known, else the name, else the id. */
export const ACTOR_LABEL = `multiIf(actor_email != '', actor_email, actor_name != '', actor_name, actor_id)`;
