import { z } from 'zod';
import { query } from '../../clickhouse/query';
import type { ReportQuery } from '../../reports/report-query';
import { activitySource } from './activity-source';

const n = z.coerce.number();
const Row = z.object({
	events: n,
	active_users: n,
	sign_ins: n,
	failed_sign_ins: n,
	exports: n,
	exported_records: n,
	exported_bytes: n,
	privilege_changes: n,
	configuration_changes: n,
	deletions: n,
	deleted_items: n
});
export type ActivityTotals = z.infer<typeof Row>;

/**
 * The period's counts of each kind. Active users: distinct accounts (email, else actor id) with at
 * least one successful event, so a password-spraying run over a thousand guessed names adds none.
 */
export async function getActivityTotals(q: ReportQuery): Promise<ActivityTotals> {
	const src = activitySource(q);
	const [row] = await query({
		name: 'reports.getActivityTotals',
		row: Row,
		params: src.params,
		sql: `SELECT sum(events) AS events, uniqExactIf(actor, ok > 0 AND actor != '') AS active_users,
				sum(s_in) AS sign_ins, sum(f_in) AS failed_sign_ins, sum(ex) AS exports, sum(ex_r) AS exported_records,
				sum(ex_b) AS exported_bytes, sum(pc) AS privilege_changes, sum(cc) AS configuration_changes,
				sum(del) AS deletions, sum(del_i) AS deleted_items
			FROM (
				SELECT actor, sum(events) AS events, sum(ok_events) AS ok, sum(sign_ins) AS s_in, sum(failed_sign_ins) AS f_in,
					sum(exports) AS ex, sum(exported_records) AS ex_r, sum(exported_bytes) AS ex_b, sum(privilege_changes) AS pc,
					sum(configuration_changes) AS cc, sum(deletions) AS del, sum(deleted_items) AS del_i
				FROM (${src.sql})
				GROUP BY actor
			)`
	});
	return row;
}
