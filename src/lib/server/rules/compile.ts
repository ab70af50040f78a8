import type { Rule } from '../../schemas/rule';
import type { BusinessHours } from '../../schemas/tenant-settings';
import { toChTime } from '../ingest/prepare';
import { FIELD_SQL, groupSql, KIND_SQL, matchSql, VALUE_SQL, type Fragment } from './rule-sql';

/** Where and when a rule is evaluated: the one-minute windows ending in (from, to]. */
export interface EvalRange {
	tenant: string;
	from: Date;
	to: Date;
	businessHours: BusinessHours;
}

export const MINUTE_MS = 60_000;

// Every compiled query returns one row per group and minute in which the group crossed the
// threshold (group_values, slot_end, measure, peak, lim, first_seen, last_seen, escalated):
// `slot_end` ends the window [slot_end - window, slot_end) that was over it.

function base(rule: Rule, r: EvalRange) {
	const m = matchSql(rule.filter, r.businessHours, 'bh');
	const g = groupSql(rule.groupBy);
	const esc = rule.escalation ? KIND_SQL[rule.escalation.kind] : '0';
	const params: Record<string, unknown> = { ...m.params, tenant: r.tenant, from: toChTime(r.from), to: toChTime(r.to), threshold: rule.threshold };
	return { m, g, esc, params };
}

/** threshold, match, distinct and sum: per-minute partial aggregates, then a rolling window per group. */
function compileRolling(rule: Rule, r: EvalRange): Fragment {
	const { m, g, esc, params } = base(rule, r);
	const w = rule.windowMinutes;
	const value = rule.value ? VALUE_SQL[rule.value] : 'toUInt64(1)';
	const distinct = rule.type === 'distinct' ? FIELD_SQL[rule.distinctField ?? 'account'] : `''`;
	const measure =
		rule.type === 'distinct' ? 'length(groupUniqArrayArray(vals) OVER w)' : rule.type === 'sum' ? 'sum(v) OVER w' : 'sum(n) OVER w';
	const threshold = rule.type === 'match' ? '1' : '{threshold:Float64}';
	params.scanFrom = toChTime(new Date(r.from.getTime() - (w - 1) * MINUTE_MS));
	params.preceding = w - 1;
	params.single = rule.singleThreshold ?? 0;
	let limit = threshold;
	let baselineJoin = '';
	if (rule.baseline) {
		// The group's daily average over the days before the window; a group without history has none.
		params.baseFrom = toChTime(new Date(r.from.getTime() - w * MINUTE_MS - rule.baseline.days * 86_400_000));
		params.baseTo = toChTime(new Date(r.from.getTime() - w * MINUTE_MS));
		params.days = rule.baseline.days;
		params.factor = rule.baseline.factor;
		baselineJoin = `INNER JOIN (
			SELECT ${g.expr} AS group_values, sum(${value}) / {days:Float64} AS daily FROM events
			WHERE tenant = {tenant:String} AND occurred_at >= {baseFrom:DateTime64(3)} AND occurred_at < {baseTo:DateTime64(3)} AND ${m.sql} AND ${g.present}
			GROUP BY group_values HAVING daily > 0) AS b USING group_values`;
		limit = `greatest(${threshold}, {factor:Float64} * b.daily)`;
	}
	const singleHit = rule.singleThreshold ? ' OR peak >= {single:Float64}' : '';
	return {
		params,
		sql: `SELECT group_values, toString(bucket + INTERVAL 1 MINUTE) AS slot_end, measure, peak, ${limit} AS lim,
				toString(first_seen) AS first_seen, toString(last_seen) AS last_seen, escalated
			FROM (
				SELECT group_values, bucket, ${measure} AS measure, pk AS peak,
					min(fs) OVER w AS first_seen, max(ls) OVER w AS last_seen, max(esc) OVER w AS escalated
				FROM (
					SELECT ${g.expr} AS group_values, toStartOfMinute(occurred_at) AS bucket, count() AS n, sum(${value}) AS v,
						max(${value}) AS pk, groupUniqArray(${distinct}) AS vals, min(occurred_at) AS fs, max(occurred_at) AS ls, max(${esc}) AS esc
					FROM events
					WHERE tenant = {tenant:String} AND occurred_at >= {scanFrom:DateTime64(3)} AND occurred_at < {to:DateTime64(3)} AND ${m.sql} AND ${g.present}
					GROUP BY group_values, bucket
				)
				WINDOW w AS (PARTITION BY group_values ORDER BY toUInt32(intDiv(toUnixTimestamp(bucket), 60)) RANGE BETWEEN {preceding:UInt32} PRECEDING AND CURRENT ROW)
			) AS h ${baselineJoin}
			WHERE bucket >= {from:DateTime64(3)} AND (measure >= ${limit}${singleHit})
			ORDER BY slot_end, group_values`
	};
}

/** sequence: each matching event preceded, within the window, by at least `threshold` `before` events of its group. */
function compileSequence(rule: Rule, r: EvalRange): Fragment {
	const { m, g, esc, params } = base(rule, r);
	const before = matchSql(rule.before ?? rule.filter, r.businessHours, 'bb');
	Object.assign(params, before.params, { scanFrom: toChTime(new Date(r.from.getTime() - rule.windowMinutes * MINUTE_MS)), window: rule.windowMinutes });
	return {
		params,
		sql: `SELECT group_values, toString(toStartOfMinute(t) + INTERVAL 1 MINUTE) AS slot_end, max(prior) AS measure, max(prior) AS peak,
				{threshold:Float64} AS lim, toString(min(first_prior)) AS first_seen, toString(max(t)) AS last_seen, max(esc) AS escalated
			FROM (
				SELECT b.group_values AS group_values, b.id AS id, b.t AS t, any(b.esc) AS esc,
					countIf(a.t < b.t AND a.t >= b.t - toIntervalMinute({window:UInt32})) AS prior,
					minIf(a.t, a.t < b.t AND a.t >= b.t - toIntervalMinute({window:UInt32})) AS first_prior
				FROM (
					SELECT ${g.expr} AS group_values, id, occurred_at AS t, ${esc} AS esc FROM events
					WHERE tenant = {tenant:String} AND occurred_at >= {from:DateTime64(3)} AND occurred_at < {to:DateTime64(3)} AND ${m.sql} AND ${g.present}
				) AS b
				INNER JOIN (
					SELECT ${g.expr} AS group_values, occurred_at AS t FROM events
					WHERE tenant = {tenant:String} AND occurred_at >= {scanFrom:DateTime64(3)} AND occurred_at < {to:DateTime64(3)} AND ${before.sql} AND ${g.present}
				) AS a ON a.group_values = b.group_values
				GROUP BY group_values, id, t
			)
			WHERE prior >= {threshold:Float64}
			GROUP BY group_values, toStartOfMinute(t)
			ORDER BY slot_end, group_values`
	};
}

/**
 * new_value: the first event of a group with a value that group had not shown in the look-back
 * before that event, group then value. The history is read up to `to`, not only before `from`:
 * over a long range (a backtest, a catch-up) a group's earlier events inside the range are its
 * history too. Only events with a value make a history: sign-ins from addresses without a
 * country (an office's private range) say nothing about which countries are usual.
 */
function compileNewValue(rule: Rule, r: EvalRange): Fragment {
	const { m, g, esc, params } = base(rule, r);
	const nv = FIELD_SQL[rule.newValueField ?? 'country'];
	params.lookFrom = toChTime(new Date(r.from.getTime() - (rule.lookbackDays ?? 30) * 86_400_000));
	params.lookback = rule.lookbackDays ?? 30;
	const inRange = `FROM events WHERE tenant = {tenant:String} AND occurred_at >= {from:DateTime64(3)} AND occurred_at < {to:DateTime64(3)} AND ${m.sql} AND ${g.present}`;
	const lookback = `x.1 < c.t AND x.1 >= c.t - toIntervalDay({lookback:UInt32})`;
	return {
		params,
		sql: `SELECT arrayPushBack(c.g, c.nv) AS group_values, toString(toStartOfMinute(c.t) + INTERVAL 1 MINUTE) AS slot_end, toFloat64(1) AS measure,
				toFloat64(1) AS peak, toFloat64(1) AS lim, toString(c.t) AS first_seen, toString(c.t) AS last_seen, c.e AS escalated
			FROM (
				SELECT ${g.expr} AS g, ${nv} AS nv, min(occurred_at) AS t, max(${esc}) AS e ${inRange} AND ${nv} != ''
				GROUP BY g, nv
			) AS c
			INNER JOIN (
				SELECT ${g.expr} AS g, groupArray((occurred_at, ${nv})) AS past FROM events
				WHERE tenant = {tenant:String} AND occurred_at >= {lookFrom:DateTime64(3)} AND occurred_at < {to:DateTime64(3)} AND ${m.sql} AND ${g.present}
				  AND ${g.expr} IN (SELECT ${g.expr} ${inRange})
				GROUP BY g
			) AS h ON h.g = c.g
			WHERE arrayExists(x -> ${lookback} AND x.2 != '', h.past) AND NOT arrayExists(x -> ${lookback} AND x.2 = c.nv, h.past)
			ORDER BY slot_end, group_values`
	};
}

/** The query that finds a rule's hits over a range of windows; parameterised, pure. */
export function compileRule(rule: Rule, r: EvalRange): Fragment {
	if (rule.type === 'sequence') return compileSequence(rule, r);
	if (rule.type === 'new_value') return compileNewValue(rule, r);
	return compileRolling(rule, r);
}

/** The labels of an alert's group values: the group fields, and the new value's field. */
export const groupFieldsOf = (rule: Rule): string[] => (rule.type === 'new_value' ? [...rule.groupBy, rule.newValueField ?? 'country'] : [...rule.groupBy]);

/** The events behind an alert: those of the group within its window, of the rule's kinds (and the sequence's first kinds). */
export function compileEvidence(rule: Rule, a: { tenant: string; groupValues: string[]; from: Date; to: Date; businessHours: BusinessHours }, limit = 200): Fragment {
	const m = matchSql(rule.filter, a.businessHours, 'bh');
	const before = rule.before ? matchSql(rule.before, a.businessHours, 'bb') : null;
	const fields = groupFieldsOf(rule);
	const g = `[${fields.map((f) => FIELD_SQL[f as keyof typeof FIELD_SQL]).join(', ')}]`;
	return {
		params: { ...m.params, ...before?.params, tenant: a.tenant, from: toChTime(a.from), to: toChTime(a.to), group: a.groupValues, limit },
		sql: `SELECT toString(id) AS id FROM events
			WHERE tenant = {tenant:String} AND occurred_at >= {from:DateTime64(3)} AND occurred_at < {to:DateTime64(3)}
			  AND (${m.sql}${before ? ` OR ${before.sql}` : ''}) AND ${g} = {group:Array(String)}
			ORDER BY occurred_at, id LIMIT {limit:UInt32}`
	};
}
