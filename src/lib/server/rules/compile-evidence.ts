import type { Rule } from '../../schemas/rule';
import type { BusinessHours } from '../../schemas/tenant-settings';
import { toChTime } from '../ingest/prepare';
import { groupFieldsOf } from './compile';
import { FIELD_SQL, matchSql, VALUE_SQL, type Fragment } from './rule-sql';

/** An alert's group within its span: the events it stands for. */
export interface EvidenceScope {
	tenant: string;
	groupValues: readonly string[];
	from: Date;
	to: Date;
	businessHours: BusinessHours;
}

/**
 * The events behind an alert: of its rule's kinds (and the sequence's first kinds), of its group,
 * within its span. The timeline link of the alert (evidence-query.ts) selects the same events.
 */
function evidenceWhere(rule: Rule, a: EvidenceScope) {
	const m = matchSql(rule.filter, a.businessHours, 'bh');
	const before = rule.before ? matchSql(rule.before, a.businessHours, 'bb') : null;
	const g = `[${groupFieldsOf(rule).map((f) => FIELD_SQL[f as keyof typeof FIELD_SQL]).join(', ')}]`;
	return {
		m,
		before,
		params: { ...m.params, ...before?.params, tenant: a.tenant, from: toChTime(a.from), to: toChTime(a.to), group: a.groupValues },
		sql: `tenant = {tenant:String} AND occurred_at >= {from:DateTime64(3)} AND occurred_at < {to:DateTime64(3)}
			AND (${m.sql}${before ? ` OR ${before.sql}` : ''}) AND ${g} = {group:Array(String)}`
	};
}

/** The first `limit` events behind an alert, oldest first: the sample an alert keeps and mails. */
export function compileEvidenceIds(rule: Rule, a: EvidenceScope, limit = 100): Fragment {
	const w = evidenceWhere(rule, a);
	return { params: { ...w.params, limit }, sql: `SELECT toString(id) AS id FROM events WHERE ${w.sql} ORDER BY occurred_at, id LIMIT {limit:UInt32}` };
}

/**
 * How many events are behind an alert, what its rule measures over all of them (failures,
 * accounts tried, records, deletions), and how the people and things in its group are named.
 */
export function compileEvidenceSummary(rule: Rule, a: EvidenceScope): Fragment {
	const w = evidenceWhere(rule, a);
	const main = w.m.sql;
	const value = rule.value ? VALUE_SQL[rule.value] : null;
	const measure =
		rule.type === 'distinct'
			? `uniqExactIf(${FIELD_SQL[rule.distinctField ?? 'account']}, ${main})`
			: rule.type === 'sequence' && w.before
				? `countIf(${w.before.sql})`
				: value && (rule.type === 'sum' || rule.type === 'threshold')
					? `sumIf(${value}, ${main})`
					: `countIf(${main})`;
	return {
		params: w.params,
		sql: `SELECT count() AS events, toFloat64(${measure}) AS measure, argMax(actor_name, occurred_at) AS actor_name,
				argMax(actor_email, occurred_at) AS actor_email, argMax(target_name, occurred_at) AS target_name
			FROM events WHERE ${w.sql}`
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
