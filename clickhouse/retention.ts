import { z } from 'zod';
import { command, query } from '../src/lib/server/clickhouse/query';
import { runSchemaStatement } from './migrate';

import { SECURITY_CATEGORIES, type Retention } from '../src/lib/server/ingest/retention-days';

/** The TTL of each table holding events or counts of them, so none outlives the events it counts. */
export function retentionTtls(r: Retention): Record<string, string> {
	const list = SECURITY_CATEGORIES.map((c) => `'${c}'`).join(', ');
	const days = (time: string) => `${time} + toIntervalDay(if(category IN (${list}), ${Math.trunc(r.securityDays)}, ${Math.trunc(r.days)}))`;
	return {
		events: days('toDateTime(occurred_at)'),
		events_volume_1m: days('minute'),
		// Lookup tables of the timeline (0030): the events' own TTL, so they hold no more than it.
		events_by_ip: days('toDateTime(occurred_at)'),
		events_by_actor: days('toDateTime(occurred_at)'),
		// Failed sign-ins are authentication events: always the security retention.
		auth_failures_1h: `hour + toIntervalDay(${Math.trunc(r.securityDays)})`,
		activity_totals_15m: days('bucket'),
		active_accounts_1h: `hour + toIntervalDay(if(security = 1, ${Math.trunc(r.securityDays)}, ${Math.trunc(r.days)}))`,
		active_accounts_1d: `day + toIntervalDay(if(security = 1, ${Math.trunc(r.securityDays)}, ${Math.trunc(r.days)}))`,
		security_events: days('toDateTime(occurred_at)')
	};
}

const SettingRow = z.object({ value: z.string() });

/**
 * Brings the events TTL in line with the configuration. ALTER ... MODIFY TTL rewrites parts,
 * so it only runs when the configured retention differs from the one last applied.
 */
export async function applyRetention(r: Retention): Promise<boolean> {
	const wanted = JSON.stringify({ days: r.days, securityDays: r.securityDays });
	const rows = await query({
		name: 'retention.getApplied',
		row: SettingRow,
		sql: "SELECT value FROM settings FINAL WHERE key = 'retention.applied'"
	});
	const current = rows[0]?.value ?? JSON.stringify({ days: 90, securityDays: 365 });
	if (current === wanted) return false;
	for (const [table, ttl] of Object.entries(retentionTtls(r))) await runSchemaStatement('retention.modifyTtl', `ALTER TABLE ${table} MODIFY TTL ${ttl}`);
	await command(
		'retention.record',
		"INSERT INTO settings (key, value, updated_at, updated_by) VALUES ('retention.applied', {v:String}, now64(3), 'config')",
		{ v: wanted }
	);
	return true;
}
