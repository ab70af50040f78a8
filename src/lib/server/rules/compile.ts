import type { Rule } from '../../schemas/rule';
import { FIELD_SQL, groupSql, KIND_SQL, matchSql, VALUE_SQL, type Fragment } from './rule-sql';
import { scopeSql, type TenantScope } from './scope-sql';

export { inRanges } from './scope-sql';

export const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;

// Every compiled query evaluates the rule for all the tenants of its scopes at once (one query per
// rule and tick, not one per tenant) and returns one row per tenant, group and minute in which the
// group crossed the threshold (tenant, group_values, slot_end, measure, peak, lim, first_seen,
// last_seen, escalated): `slot_end` ends the window [slot_end - window, slot_end) that was over it.

const hullOf = (s: TenantScope) => ({ from: s.ranges[0].from, to: s.ranges[s.ranges.length - 1].to });

function base(rule: Rule, scopes: readonly TenantScope[]) {
	if (scopes.length === 0 || scopes.some((s) => s.ranges.length === 0)) throw new Error('a rule is evaluated over at least one range of each tenant');
	// Each tenant's business hours enter through scopeSql; the rest of the match is the same for all.
	const m = matchSql(rule.filter, null, 'bh');
	const g = groupSql(rule.groupBy);
	const esc = rule.escalation ? KIND_SQL[rule.escalation.kind] : '0';
	const params: Record<string, unknown> = { ...m.params, threshold: rule.threshold };
	return { m, g, esc, params };
}

/** threshold, match, distinct and sum: per-minute partial aggregates, then a rolling window per tenant and group. */
function compileRolling(rule: Rule, scopes: readonly TenantScope[]): Fragment {
	const { m, g, esc, params } = base(rule, scopes);
	const w = rule.windowMinutes;
	const value = rule.value ? VALUE_SQL[rule.value] : 'toUInt64(1)';
	const distinct = rule.type === 'distinct' ? FIELD_SQL[rule.distinctField ?? 'account'] : `''`;
	const measure =
		rule.type === 'distinct' ? 'length(groupUniqArrayArray(vals) OVER w)' : rule.type === 'sum' ? 'sum(v) OVER w' : 'sum(n) OVER w';
	const threshold = rule.type === 'match' ? '1' : '{threshold:Float64}';
	const scan = scopeSql(params, 's', scopes, { lookBackMs: (w - 1) * MINUTE_MS, offHours: rule.filter.offHours });
	const report = scopeSql(params, 'o', scopes, { column: 'bucket' });
	params.preceding = w - 1;
	params.single = rule.singleThreshold ?? 0;
	let limit = threshold;
	let baselineJoin = '';
	if (rule.baseline) {
		// The group's daily average over the days before the tenant's (earliest) window; a group without history has none.
		const { days, factor } = rule.baseline;
		const period = scopeSql(params, 'b', scopes, {
			offHours: rule.filter.offHours,
			rangesOf: (s) => [{ from: new Date(hullOf(s).from.getTime() - w * MINUTE_MS - days * DAY_MS), to: new Date(hullOf(s).from.getTime() - w * MINUTE_MS) }]
		});
		Object.assign(params, { days, factor });
		baselineJoin = `INNER JOIN (
			SELECT tenant, ${g.expr} AS group_values, sum(${value}) / {days:Float64} AS daily FROM events
			WHERE ${period} AND ${m.sql} AND ${g.present}
			GROUP BY tenant, group_values HAVING daily > 0) AS b USING (tenant, group_values)`;
		limit = `greatest(${threshold}, {factor:Float64} * b.daily)`;
	}
	const singleHit = rule.singleThreshold ? ' OR peak >= {single:Float64}' : '';
	return {
		params,
		sql: `SELECT tenant, group_values, toString(bucket + INTERVAL 1 MINUTE) AS slot_end, measure, peak, ${limit} AS lim,
				toString(first_seen) AS first_seen, toString(last_seen) AS last_seen, escalated
			FROM (
				SELECT tenant, group_values, bucket, ${measure} AS measure, pk AS peak,
					min(fs) OVER w AS first_seen, max(ls) OVER w AS last_seen, max(esc) OVER w AS escalated
				FROM (
					SELECT tenant, ${g.expr} AS group_values, toStartOfMinute(occurred_at) AS bucket, count() AS n, sum(${value}) AS v,
						max(${value}) AS pk, groupUniqArray(${distinct}) AS vals, min(occurred_at) AS fs, max(occurred_at) AS ls, max(${esc}) AS esc
					FROM events
					WHERE ${scan} AND ${m.sql} AND ${g.present}
					GROUP BY tenant, group_values, bucket
				)
				WINDOW w AS (PARTITION BY tenant, group_values ORDER BY toUInt32(intDiv(toUnixTimestamp(bucket), 60)) RANGE BETWEEN {preceding:UInt32} PRECEDING AND CURRENT ROW)
			) AS h ${baselineJoin}
			WHERE ${report} AND (measure >= ${limit}${singleHit})
			ORDER BY tenant, slot_end, group_values`
	};
}

/** sequence: each matching event preceded, within the window, by at least `threshold` `before` events of its tenant and group. */
function compileSequence(rule: Rule, scopes: readonly TenantScope[]): Fragment {
	const { m, g, esc, params } = base(rule, scopes);
	const beforeMatch = rule.before ?? rule.filter;
	const before = matchSql(beforeMatch, null, 'bb');
	Object.assign(params, before.params, { window: rule.windowMinutes });
	const late = scopeSql(params, 'o', scopes, { offHours: rule.filter.offHours });
	const early = scopeSql(params, 's', scopes, { lookBackMs: rule.windowMinutes * MINUTE_MS, offHours: beforeMatch.offHours });
	return {
		params,
		sql: `SELECT tenant, group_values, toString(toStartOfMinute(t) + INTERVAL 1 MINUTE) AS slot_end, max(prior) AS measure, max(prior) AS peak,
				{threshold:Float64} AS lim, toString(min(first_prior)) AS first_seen, toString(max(t)) AS last_seen, max(esc) AS escalated
			FROM (
				SELECT b.tenant AS tenant, b.group_values AS group_values, b.id AS id, b.t AS t, any(b.esc) AS esc,
					countIf(a.t < b.t AND a.t >= b.t - toIntervalMinute({window:UInt32})) AS prior,
					minIf(a.t, a.t < b.t AND a.t >= b.t - toIntervalMinute({window:UInt32})) AS first_prior
				FROM (
					SELECT tenant, ${g.expr} AS group_values, id, occurred_at AS t, ${esc} AS esc FROM events
					WHERE ${late} AND ${m.sql} AND ${g.present}
				) AS b
				INNER JOIN (
					SELECT tenant, ${g.expr} AS group_values, occurred_at AS t FROM events
					WHERE ${early} AND ${before.sql} AND ${g.present}
				) AS a ON a.tenant = b.tenant AND a.group_values = b.group_values
				GROUP BY tenant, group_values, id, t
			)
			WHERE prior >= {threshold:Float64}
			GROUP BY tenant, group_values, toStartOfMinute(t)
			ORDER BY tenant, slot_end, group_values`
	};
}

/**
 * new_value: the first event of a group, in the ranges, with a value that group had not shown in
 * the look-back before it, where the group itself was seen in that look-back (a first sign-in ever
 * is not "from a new country"). The look-back is measured from each event, so a backtest or a
 * re-run over a long period judges every event as the tick that first saw it would have.
 */
function compileNewValue(rule: Rule, scopes: readonly TenantScope[]): Fragment {
	const { m, g, esc, params } = base(rule, scopes);
	const nv = FIELD_SQL[rule.newValueField ?? 'country'];
	const lookback = rule.lookbackDays ?? 30;
	params.lookback = lookback;
	const within = scopeSql(params, 'o', scopes, { offHours: rule.filter.offHours });
	const period = scopeSql(params, 'h', scopes, {
		offHours: rule.filter.offHours,
		rangesOf: (s) => [{ from: new Date(hullOf(s).from.getTime() - lookback * DAY_MS), to: hullOf(s).to }]
	});
	// Only events with a known value count as history: a user first seen from an address without
	// geo data (an office network) has not "never been seen in France".
	const history = `FROM events WHERE ${period} AND ${m.sql} AND ${g.present} AND ${nv} != ''`;
	const before = (ts: string) => `arrayExists(x -> x < c.t AND x >= c.t - toIntervalDay({lookback:UInt32}), ${ts})`;
	return {
		params,
		sql: `SELECT c.tn AS tenant, arrayPushBack(c.g, c.nv) AS group_values, toString(toStartOfMinute(c.t) + INTERVAL 1 MINUTE) AS slot_end, toFloat64(1) AS measure,
				toFloat64(1) AS peak, toFloat64(1) AS lim, toString(c.t) AS first_seen, toString(c.t) AS last_seen, c.e AS escalated
			FROM (
				SELECT tenant AS tn, ${g.expr} AS g, ${nv} AS nv, min(occurred_at) AS t, max(${esc}) AS e FROM events
				WHERE ${within} AND ${m.sql} AND ${g.present} AND ${nv} != ''
				GROUP BY tn, g, nv
			) AS c
			INNER JOIN (SELECT tenant AS tn, ${g.expr} AS g, groupArray(occurred_at) AS ts ${history} GROUP BY tn, g) AS hg ON hg.tn = c.tn AND hg.g = c.g
			LEFT JOIN (SELECT tenant AS tn, ${g.expr} AS g, ${nv} AS nv, groupArray(occurred_at) AS ts ${history} GROUP BY tn, g, nv) AS hv
				ON hv.tn = c.tn AND hv.g = c.g AND hv.nv = c.nv
			WHERE ${before('hg.ts')} AND NOT ${before('hv.ts')}
			ORDER BY tenant, slot_end, group_values`
	};
}

/** The query that finds a rule's hits over each tenant's ranges of windows; parameterised, pure. */
export function compileRule(rule: Rule, scopes: readonly TenantScope[]): Fragment {
	if (rule.type === 'sequence') return compileSequence(rule, scopes);
	if (rule.type === 'new_value') return compileNewValue(rule, scopes);
	return compileRolling(rule, scopes);
}

/** The labels of an alert's group values: the group fields, and the new value's field. */
export const groupFieldsOf = (rule: Rule): string[] => (rule.type === 'new_value' ? [...rule.groupBy, rule.newValueField ?? 'country'] : [...rule.groupBy]);
