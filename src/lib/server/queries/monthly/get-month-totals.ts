import { z } from 'zod';
import { query } from '../../clickhouse/query';
import { ACCOUNT, CONFIG_CHANGE, DELETION, EXPORT, FAILED_SIGN_IN, PRIVILEGE_CHANGE, SIGN_IN } from '../event-kinds';
import { MONTH_WHERE, monthParams, type MonthScope } from './month-where';

const n = z.coerce.number();
export const MonthTotalsRow = z.object({
	events: n, active_users: n, sign_ins: n, failed_sign_ins: n, exports: n, exported_records: n, exported_bytes: n,
	privilege_changes: n, configuration_changes: n, deletions: n
});
/** The same shape as the reports helper's PeriodTotals (issue 5), so either can fill the summary. */
export type MonthTotals = z.infer<typeof MonthTotalsRow>;

/** Every summary figure of one tenant's period in one scan, counted with the shared event kinds. */
export async function getMonthTotals(s: MonthScope): Promise<MonthTotals> {
	const [row] = await query({
		name: 'monthly.getMonthTotals',
		row: MonthTotalsRow,
		params: monthParams(s),
		sql: `SELECT count() AS events,
				uniqExactIf(${ACCOUNT}, actor_type != 'system' AND (actor_id != '' OR actor_email != '')) AS active_users,
				countIf(${SIGN_IN}) AS sign_ins, countIf(${FAILED_SIGN_IN}) AS failed_sign_ins,
				countIf(${EXPORT}) AS exports, sumIf(records, ${EXPORT}) AS exported_records, sumIf(bytes, ${EXPORT}) AS exported_bytes,
				countIf(${PRIVILEGE_CHANGE}) AS privilege_changes, countIf(${CONFIG_CHANGE}) AS configuration_changes, countIf(${DELETION}) AS deletions
			FROM events WHERE ${MONTH_WHERE}`
	});
	return row;
}
