import { z } from 'zod';
import type { PeriodTotals } from '../../../reports/security-report-types';
import { query } from '../../clickhouse/query';
import type { ReportQuery } from '../../reports/report-query';
import { activitySource } from './activity-source';
import { countActiveUsers } from './count-active-users';

const n = z.coerce.number();
const Row = z.object({ e: n, si: n, fs: n, ex: n, er: n, eb: n, pc: n, cc: n, d: n, di: n });

export type ActivityTotals = PeriodTotals & { deleted_items: number };

/** The period's counts of each kind (activity_totals_15m) and its active users (active_accounts_1h). */
export async function getActivityTotals(q: ReportQuery): Promise<ActivityTotals> {
	const src = activitySource(q);
	// Aliases differ from the rollup's columns: with prefer_column_name_to_alias, they would shadow them.
	const [[r], active_users] = await Promise.all([
		query({
			name: 'reports.getActivityTotals',
			row: Row,
			params: src.params,
			sql: `SELECT sum(events) AS e, sum(sign_ins) AS si, sum(failed_sign_ins) AS fs, sum(exports) AS ex, sum(exported_records) AS er,
					sum(exported_bytes) AS eb, sum(privilege_changes) AS pc, sum(configuration_changes) AS cc, sum(deletions) AS d, sum(deleted_items) AS di
				FROM (${src.sql})`
		}),
		countActiveUsers(q)
	]);
	return {
		events: r.e,
		active_users,
		sign_ins: r.si,
		failed_sign_ins: r.fs,
		exports: r.ex,
		exported_records: r.er,
		exported_bytes: r.eb,
		privilege_changes: r.pc,
		configuration_changes: r.cc,
		deletions: r.d,
		deleted_items: r.di
	};
}
