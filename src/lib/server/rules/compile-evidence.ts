import type { Rule } from '../../schemas/rule';
import type { BusinessHours } from '../../schemas/tenant-settings';
import { toChTime } from '../clickhouse/time';
import { groupFieldsOf } from './compile';
import { mergeRanges } from './plan-arrivals';
import { FIELD_SQL, matchSql, VALUE_SQL, type Fragment } from './rule-sql';
import { offHoursByTenant, scopeSql, type TenantScope } from './scope-sql';

/** The tenant, group and span of each alert whose evidence a batch measures. */
export interface EvidenceSpan {
	tenant: string;
	groupValues: readonly string[];
	from: Date;
	to: Date;
}

/**
 * For each span (1-based `idx`): how many events are behind the alert, what its rule measures over
 * all of them (failures, accounts tried, records, deletions), the first `sample` ids, and how the
 * people and things of its group are named. One query per rule and tick, whatever the number of
 * alerts: the spans join the rule's events on the group.
 */
export function compileEvidenceBatch(rule: Rule, hoursOf: (tenant: string) => BusinessHours, spans: readonly EvidenceSpan[], sample = 100): Fragment {
	const params: Record<string, unknown> = {};
	// The spans themselves bound the read (not the period around them): a tick's alerts are days apart when events come late.
	const tenants = [...new Set(spans.map((x) => x.tenant))];
	const scopes: TenantScope[] = tenants.map((tenant) => ({ tenant, businessHours: hoursOf(tenant), ranges: mergeRanges(spans.filter((x) => x.tenant === tenant)) }));
	const within = scopeSql(params, 'e', scopes);
	const offMain = rule.filter.offHours ? ` AND ${offHoursByTenant(params, 'eh', scopes)}` : '';
	const offBefore = rule.before?.offHours ? ` AND ${offHoursByTenant(params, 'ebh', scopes)}` : '';
	const kinds = matchSql(rule.filter, null, 'bh');
	const m = { params: kinds.params, sql: `(${kinds.sql}${offMain})` };
	const b = rule.before ? matchSql(rule.before, null, 'bb') : null;
	const before = b ? { params: b.params, sql: `(${b.sql}${offBefore})` } : null;
	const g = `[${groupFieldsOf(rule).map((f) => FIELD_SQL[f as keyof typeof FIELD_SQL]).join(', ')}]`;
	const value = rule.value ? VALUE_SQL[rule.value] : 'toUInt64(1)';
	const distinct = FIELD_SQL[rule.distinctField ?? 'account'];
	const measure =
		rule.type === 'distinct'
			? 'uniqExactIf(dv, is_main)'
			: rule.type === 'sequence' && before
				? 'countIf(is_before)'
				: rule.value && (rule.type === 'sum' || rule.type === 'threshold')
					? 'sumIf(v, is_main)'
					: 'countIf(is_main)';
	return {
		params: {
			...params,
			...m.params,
			...before?.params,
			tenants: spans.map((x) => x.tenant),
			groups: spans.map((x) => x.groupValues),
			froms: spans.map((x) => toChTime(x.from)),
			tos: spans.map((x) => toChTime(x.to)),
			sample
		},
		sql: `SELECT s.idx AS idx, count() AS events, toFloat64(${measure}) AS measure,
				argMax(e.actor_name, e.occurred_at) AS actor_name, argMax(e.actor_email, e.occurred_at) AS actor_email, argMax(e.target_name, e.occurred_at) AS target_name,
				arrayMap(x -> toString(x.2), groupArraySorted({sample:UInt32})((e.occurred_at, e.id))) AS ids
			FROM (
				SELECT tenant, ${g} AS g, occurred_at, id, actor_name, actor_email, target_name,
					toUInt8(${m.sql}) AS is_main, toUInt8(${before ? before.sql : '0'}) AS is_before, ${value} AS v, ${distinct} AS dv
				FROM events
				WHERE ${within}
				  AND (${m.sql}${before ? ` OR ${before.sql}` : ''})
			) AS e
			INNER JOIN (
				SELECT idx, {tenants:Array(String)}[idx] AS tenant, {groups:Array(Array(String))}[idx] AS g, {froms:Array(DateTime64(3))}[idx] AS f, {tos:Array(DateTime64(3))}[idx] AS t
				FROM (SELECT arrayJoin(range(1, length({groups:Array(Array(String))}) + 1)) AS idx)
			) AS s ON e.tenant = s.tenant AND e.g = s.g
			WHERE e.occurred_at >= s.f AND e.occurred_at < s.t
			GROUP BY s.idx`
	};
}

/** What a group value is called where people know it by another name (a person's email, a target's name). */
export function groupLabels(fields: readonly string[], values: readonly string[], names: { actorName: string; actorEmail: string; targetName: string }): string[] {
	return fields.map((f, i) => {
		const v = values[i] ?? '';
		if (f === 'actor') return names.actorEmail || names.actorName || v;
		if (f === 'account') return v.includes('@') ? v : names.actorEmail || names.actorName || v;
		if (f === 'target') return names.targetName || v;
		return v;
	});
}
