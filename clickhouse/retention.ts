import { z } from 'zod';
import { command, query } from '../src/lib/server/clickhouse/query';

import { SECURITY_CATEGORIES, type Retention } from '../src/lib/server/ingest/retention-days';

export function retentionTtl(r: Retention): string {
	const list = SECURITY_CATEGORIES.map((c) => `'${c}'`).join(', ');
	return `toDateTime(occurred_at) + toIntervalDay(if(category IN (${list}), ${Math.trunc(r.securityDays)}, ${Math.trunc(r.days)}))`;
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
	await command('retention.modifyTtl', `ALTER TABLE events MODIFY TTL ${retentionTtl(r)}`);
	await command(
		'retention.record',
		"INSERT INTO settings (key, value, updated_at, updated_by) VALUES ('retention.applied', {v:String}, now64(3), 'config')",
		{ v: wanted }
	);
	return true;
}
