import { z } from 'zod';
import { query } from '../../clickhouse/query';
import { toChTime } from '../../clickhouse/time';
import { ACCOUNT } from '../event-kinds';
import type { ReportQuery } from '../../reports/report-query';
import { splitForRollup } from '../rollup-split';
import { filtersOf, subjectSql, tenantSql } from './report-sql';

const Row = z.object({ n: z.coerce.number() });
const HOUR = 3600e3;

/**
 * The three-level split of [from, to): whole UTC days, then whole hours of the partial days at
 * either end, then the partial hours at the very ends (raw). Every instant falls in exactly one.
 */
export function activeUsersSplit(from: Date, to: Date) {
	const days = splitForRollup(from, to, 86400e3).whole;
	const left = splitForRollup(from, days.from, HOUR).whole;
	const right = splitForRollup(days.to, to, HOUR).whole;
	return { days, hours: [left, right], raw: [{ from, to: left.from }, { from: left.to, to: days.from }, { from: days.to, to: right.from }, { from: right.to, to }] };
}

/**
 * Distinct accounts (email, else actor id) with at least one successful event in [from, to), so a
 * password-spraying run over a thousand guessed names adds none: exact sets from
 * active_accounts_1d and active_accounts_1h (clickhouse/0014, 0015), the ends from the events.
 * Those sets keep no address, user or source: a filtered report counts from the events alone.
 */
export async function countActiveUsers(q: ReportQuery): Promise<number> {
	const t = tenantSql(q);
	const f = subjectSql(q);
	const none = { from: q.to, to: q.to };
	const s = filtersOf(q).length ? { days: none, hours: [none, none], raw: [{ from: q.from, to: q.to }] } : activeUsersSplit(q.from, q.to);
	const params: Record<string, unknown> = { ...t.params, ...f.params, dFrom: toChTime(s.days.from), dTo: toChTime(s.days.to) };
	const range = (col: string, name: string, r: { from: Date; to: Date }) => {
		params[`${name}From`] = toChTime(r.from);
		params[`${name}To`] = toChTime(r.to);
		return `(${col} >= {${name}From:DateTime64(3)} AND ${col} < {${name}To:DateTime64(3)})`;
	};
	const hours = s.hours.map((r, i) => range('hour', `h${i}`, r)).join(' OR ');
	const raw = s.raw.map((r, i) => range('occurred_at', `r${i}`, r)).join(' OR ');
	const [row] = await query({
		name: 'reports.countActiveUsers',
		row: Row,
		params,
		sql: `SELECT uniqExactMerge(s) AS n FROM (
				SELECT accounts AS s FROM active_accounts_1d WHERE ${t.sql} AND day >= {dFrom:DateTime64(3)} AND day < {dTo:DateTime64(3)}
				UNION ALL
				SELECT accounts AS s FROM active_accounts_1h WHERE ${t.sql} AND (${hours})
				UNION ALL
				SELECT uniqExactState(${ACCOUNT}) AS s FROM events WHERE ${t.sql} AND (${raw}) AND outcome = 'success' AND ${ACCOUNT} != '' AND ${f.sql}
			)`
	});
	return row.n;
}
