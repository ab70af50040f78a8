import { z } from 'zod';
import { query } from '../../clickhouse/query';
import { fromChTime } from '../../clickhouse/time';

const Row = z.object({ rule_id: z.string(), tenant: z.string(), mark: z.string() });

export interface ArrivalMarks {
	/** The arrival up to which a rule has evaluated a tenant's events (its last successful run). */
	of(ruleId: string, tenant: string): Date | null;
}

/**
 * The received_at up to which each rule has evaluated each tenant. A tenant new to a rule starts
 * at the rule's latest mark over its tenants, a rule new to the store at the latest of any rule:
 * neither re-reads history the store held before them, and neither misses what arrives after.
 * An empty store has no mark, so its first run reads every event (the demo's 30 days). A failed
 * run records the mark it started from, so it holds its rule's mark where it was.
 */
export async function listArrivalMarks(): Promise<ArrivalMarks> {
	// Every tick records a run per rule and tenant, so the last week holds every live mark; reading
	// only it keeps this query small as rule_runs grows (50 rows a minute for ten rules and five
	// tenants, kept 90 days). A scheduler down for longer finds none there and reads them all.
	const read = (recent: boolean) =>
		query({
			name: 'rules.listArrivalMarks',
			row: Row,
			sql: `SELECT rule_id, tenant, toString(max(arrived_to)) AS mark FROM rule_runs ${recent ? 'WHERE started_at >= now64(3) - INTERVAL 7 DAY' : ''} GROUP BY rule_id, tenant`
		});
	const recent = await read(true);
	const rows = recent.length > 0 ? recent : await read(false);
	const byPair = new Map<string, Date>();
	const byRule = new Map<string, Date>();
	let latest: Date | null = null;
	for (const r of rows) {
		const at = fromChTime(r.mark);
		byPair.set(`${r.rule_id}\n${r.tenant}`, at);
		const rule = byRule.get(r.rule_id);
		if (!rule || at > rule) byRule.set(r.rule_id, at);
		if (!latest || at > latest) latest = at;
	}
	return { of: (ruleId, tenant) => byPair.get(`${ruleId}\n${tenant}`) ?? byRule.get(ruleId) ?? latest };
}
