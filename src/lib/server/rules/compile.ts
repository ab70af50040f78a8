import type { Rule } from '../../schemas/rule';
import type { BusinessHours } from '../../schemas/tenant-settings';
import { toChTime } from '../ingest/prepare';
import type { TimeRange } from './plan-arrivals';
import { FIELD_SQL, groupSql, KIND_SQL, matchSql, VALUE_SQL, type Fragment } from './rule-sql';

/** Where and when a rule is evaluated: the one-minute windows ending in each range (from, to]. */
export interface EvalRange {
	tenant: string;
	ranges: readonly TimeRange[];
	businessHours: BusinessHours;
}

export const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;

// Every compiled query returns one row per group and minute in which the group crossed the
// threshold (group_values, slot_end, measure, peak, lim, first_seen, last_seen, escalated):
// `slot_end` ends the window [slot_end - window, slot_end) that was over it.

/**
 * `column` within any of the ranges, each widened `lookBackMs` to the past. Written as an OR of
 * ranges with their own parameters, which the primary key prunes on (an array test would not).
 */
function inRanges(params: Record<string, unknown>, prefix: string, ranges: readonly TimeRange[], lookBackMs: number, column = 'occurred_at'): string {
	const parts = ranges.map((r, i) => {
		params[`${prefix}${i}f`] = toChTime(new Date(r.from.getTime() - lookBackMs));
		params[`${prefix}${i}t`] = toChTime(r.to);
		return `(${column} >= {${prefix}${i}f:DateTime64(3)} AND ${column} < {${prefix}${i}t:DateTime64(3)})`;
	});
	return `(${parts.join(' OR ')})`;
}

const hullOf = (ranges: readonly TimeRange[]) => ({ from: ranges[0].from, to: ranges[ranges.length - 1].to });

function base(rule: Rule, r: EvalRange) {
	if (r.ranges.length === 0) throw new Error('a rule is evaluated over at least one range');
	const m = matchSql(rule.filter, r.businessHours, 'bh');
	const g = groupSql(rule.groupBy);
	const esc = rule.escalation ? KIND_SQL[rule.escalation.kind] : '0';
	const params: Record<string, unknown> = { ...m.params, tenant: r.tenant, threshold: rule.threshold };
	return { m, g, esc, params, hull: hullOf(r.ranges) };
}

/** threshold, match, distinct and sum: per-minute partial aggregates, then a rolling window per group. */
function compileRolling(rule: Rule, r: EvalRange): Fragment {
	const { m, g, esc, params, hull } = base(rule, r);
	const w = rule.windowMinutes;
	const value = rule.value ? VALUE_SQL[rule.value] : 'toUInt64(1)';
	const distinct = rule.type === 'distinct' ? FIELD_SQL[rule.distinctField ?? 'account'] : `''`;
	const measure =
		rule.type === 'distinct' ? 'length(groupUniqArrayArray(vals) OVER w)' : rule.type === 'sum' ? 'sum(v) OVER w' : 'sum(n) OVER w';
	const threshold = rule.type === 'match' ? '1' : '{threshold:Float64}';
	const scan = inRanges(params, 's', r.ranges, (w - 1) * MINUTE_MS);
	const report = inRanges(params, 'o', r.ranges, 0, 'bucket');
	params.preceding = w - 1;
	params.single = rule.singleThreshold ?? 0;
	let limit = threshold;
	let baselineJoin = '';
	if (rule.baseline) {
		// The group's daily average over the days before the (earliest) window; a group without history has none.
		params.baseFrom = toChTime(new Date(hull.from.getTime() - w * MINUTE_MS - rule.baseline.days * DAY_MS));
		params.baseTo = toChTime(new Date(hull.from.getTime() - w * MINUTE_MS));
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
					WHERE tenant = {tenant:String} AND ${scan} AND ${m.sql} AND ${g.present}
					GROUP BY group_values, bucket
				)
				WINDOW w AS (PARTITION BY group_values ORDER BY toUInt32(intDiv(toUnixTimestamp(bucket), 60)) RANGE BETWEEN {preceding:UInt32} PRECEDING AND CURRENT ROW)
			) AS h ${baselineJoin}
			WHERE ${report} AND (measure >= ${limit}${singleHit})
			ORDER BY slot_end, group_values`
	};
}

/** sequence: each matching event preceded, within the window, by at least `threshold` `before` events of its group. */
function compileSequence(rule: Rule, r: EvalRange): Fragment {
	const { m, g, esc, params } = base(rule, r);
	const before = matchSql(rule.before ?? rule.filter, r.businessHours, 'bb');
	Object.assign(params, before.params, { window: rule.windowMinutes });
	const late = inRanges(params, 'o', r.ranges, 0);
	const early = inRanges(params, 's', r.ranges, rule.windowMinutes * MINUTE_MS);
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
					WHERE tenant = {tenant:String} AND ${late} AND ${m.sql} AND ${g.present}
				) AS b
				INNER JOIN (
					SELECT ${g.expr} AS group_values, occurred_at AS t FROM events
					WHERE tenant = {tenant:String} AND ${early} AND ${before.sql} AND ${g.present}
				) AS a ON a.group_values = b.group_values
				GROUP BY group_values, id, t
			)
			WHERE prior >= {threshold:Float64}
			GROUP BY group_values, toStartOfMinute(t)
			ORDER BY slot_end, group_values`
	};
}

/**
 * new_value: the first event of a group, in the ranges, with a value that group had not shown in
 * the look-back before it, where the group itself was seen in that look-back (a first sign-in ever
 * is not "from a new country"). The look-back is measured from each event, so a backtest or a
 * re-run over a long period judges every event as the tick that first saw it would have.
 */
function compileNewValue(rule: Rule, r: EvalRange): Fragment {
	const { m, g, esc, params, hull } = base(rule, r);
	const nv = FIELD_SQL[rule.newValueField ?? 'country'];
	const lookback = rule.lookbackDays ?? 30;
	params.lookFrom = toChTime(new Date(hull.from.getTime() - lookback * DAY_MS));
	params.hullTo = toChTime(hull.to);
	params.lookback = lookback;
	const within = inRanges(params, 'o', r.ranges, 0);
	// Only events with a known value count as history: a user first seen from an address without
	// geo data (an office network) has not "never been seen in France".
	const history = `FROM events WHERE tenant = {tenant:String} AND occurred_at >= {lookFrom:DateTime64(3)} AND occurred_at < {hullTo:DateTime64(3)} AND ${m.sql} AND ${g.present} AND ${nv} != ''`;
	const before = (ts: string) => `arrayExists(x -> x < c.t AND x >= c.t - toIntervalDay({lookback:UInt32}), ${ts})`;
	return {
		params,
		sql: `SELECT arrayPushBack(c.g, c.nv) AS group_values, toString(toStartOfMinute(c.t) + INTERVAL 1 MINUTE) AS slot_end, toFloat64(1) AS measure,
				toFloat64(1) AS peak, toFloat64(1) AS lim, toString(c.t) AS first_seen, toString(c.t) AS last_seen, c.e AS escalated
			FROM (
				SELECT ${g.expr} AS g, ${nv} AS nv, min(occurred_at) AS t, max(${esc}) AS e FROM events
				WHERE tenant = {tenant:String} AND ${within} AND ${m.sql} AND ${g.present} AND ${nv} != ''
				GROUP BY g, nv
			) AS c
			INNER JOIN (SELECT ${g.expr} AS g, groupArray(occurred_at) AS ts ${history} GROUP BY g) AS hg ON hg.g = c.g
			LEFT JOIN (SELECT ${g.expr} AS g, ${nv} AS nv, groupArray(occurred_at) AS ts ${history} GROUP BY g, nv) AS hv ON hv.g = c.g AND hv.nv = c.nv
			WHERE ${before('hg.ts')} AND NOT ${before('hv.ts')}
			ORDER BY slot_end, group_values`
	};
}

/** The query that finds a rule's hits over ranges of windows; parameterised, pure. */
export function compileRule(rule: Rule, r: EvalRange): Fragment {
	if (rule.type === 'sequence') return compileSequence(rule, r);
	if (rule.type === 'new_value') return compileNewValue(rule, r);
	return compileRolling(rule, r);
}

/** The labels of an alert's group values: the group fields, and the new value's field. */
export const groupFieldsOf = (rule: Rule): string[] => (rule.type === 'new_value' ? [...rule.groupBy, rule.newValueField ?? 'country'] : [...rule.groupBy]);
