import { z } from 'zod';
import { toChTime } from '../../clickhouse/time';
import type { ReportQuery } from '../../reports/report-query';
import { splitForRollup } from '../rollup-split';
import { SUBJECT_FILTERS } from '../../../schemas/event-filter';
import { buildSubjectWhere } from '../events/event-where';

export interface Sql {
	sql: string;
	params: Record<string, unknown>;
}

/** The tenant condition of a report: one tenant, the caller's list, or all. */
export function tenantSql(q: Pick<ReportQuery, 'scope' | 'tenant'>): Sql {
	if (q.tenant) return { sql: 'tenant = {tenant:String}', params: { tenant: q.tenant } };
	if (q.scope === '*') return { sql: '1', params: {} };
	return { sql: 'tenant IN {tenants:Array(String)}', params: { tenants: q.scope } };
}

/** [from, to) of occurred_at, bound as from/to. */
export function periodParams(q: Pick<ReportQuery, 'from' | 'to'>) {
	return { from: toChTime(q.from), to: toChTime(q.to) };
}

export const PERIOD = 'occurred_at >= {from:DateTime64(3)} AND occurred_at < {to:DateTime64(3)}';

/** Which of the timeline's subject filters (ip, actor, source) narrow the report. */
export const filtersOf = (q: Pick<ReportQuery, 'filter'>) => SUBJECT_FILTERS.filter((k) => !!q.filter?.[k]);

/** The report's subject filters as one condition over `events` columns ('1' when none), built as the timeline builds them. */
export const subjectSql = (q: Pick<ReportQuery, 'filter'>): Sql => buildSubjectWhere(q.filter ?? {}, 'subject');

/**
 * The whole rollup buckets of a period and the raw-table edges either side, as bound parameters
 * `wholeFrom`/`wholeTo`; `RAW_EDGES` selects what the rollup does not cover. When the rollup
 * cannot answer the report's filter (`useRollup` false), no bucket is whole: the raw table answers all.
 */
export function splitParams(q: Pick<ReportQuery, 'from' | 'to'>, unitMs: number, useRollup = true) {
	const { whole } = useRollup ? splitForRollup(q.from, q.to, unitMs) : { whole: { from: q.to, to: q.to } };
	return { ...periodParams(q), wholeFrom: toChTime(whole.from), wholeTo: toChTime(whole.to) };
}

export const RAW_EDGES = `((occurred_at >= {from:DateTime64(3)} AND occurred_at < {wholeFrom:DateTime64(3)})
	OR (occurred_at >= {wholeTo:DateTime64(3)} AND occurred_at < {to:DateTime64(3)}))`;


/** The columns of one event as a report lists it (security_events); queries extend it with their own. */
export const ReportEventRow = z.object({
	id: z.string(),
	occurred_at: z.string(),
	actor: z.string(),
	actor_name: z.string(),
	action: z.string(),
	target_type: z.string(),
	target_id: z.string(),
	target_name: z.string()
});

/** A group of deletions (by actor, or by actor and action): how many, how many items, and which events. */
export const DeletionGroupFields = {
	deletions: z.coerce.number(),
	n_items: z.coerce.number(),
	actions: z.array(z.string()),
	by_action: z.coerce.boolean(),
	ids: z.array(z.string())
};
