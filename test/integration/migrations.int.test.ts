import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { loadMigrations, migrate } from '../../clickhouse/migrate';
import { applyRetention } from '../../clickhouse/retention';
import { insert, query } from '../../src/lib/server/clickhouse/query';
import { prepareEvents } from '../../src/lib/server/ingest/prepare';
import { rowsBefore0060 } from './legacy-rows';

const all = loadMigrations();
const Text = z.object({ s: z.string() });
const N = z.object({ n: z.coerce.number() });

async function scalar(sql: string) {
	return (await query({ name: 'test.scalar', row: N, sql }))[0].n;
}

describe('migrations', () => {
	it('are numbered, and each applies once', async () => {
		// Unique and ascending from 1; helpers work in assigned ranges (0012-0019, 0030-0039, ...), so gaps are allowed.
		const versions = all.map((m) => m.version);
		expect(versions[0]).toBe(1);
		expect(versions).toEqual([...new Set(versions)].sort((a, b) => a - b));
		const before = all.filter((m) => m.version <= 5);
		expect((await migrate(before, [])).length).toBe(5);
		expect((await migrate(before, [])).length).toBe(0);
	});

	it('fill new rollups from events stored before them', async () => {
		const now = new Date();
		const events = Array.from({ length: 40 }, (_, i) => ({
			occurred_at: new Date(now.getTime() - i * 7 * 60e3).toISOString(),
			action: i % 2 ? 'login_failed' : 'login',
			outcome: i % 2 ? 'failure' : 'success',
			ip: `203.0.113.${i % 3}`,
			actor: { email: `u${i % 5}@x.com` }
		}));
		const prepared = await prepareEvents(events, [], { now, retention: { days: 90, securityDays: 365 } });
		if (!prepared.ok) throw new Error('test events invalid');
		await insert('test.insertEvents', 'events', rowsBefore0060(prepared.rows));
		await migrate(all);
		expect(await scalar('SELECT sum(events) AS n FROM events_volume_1m')).toBe(40);
		expect(await scalar('SELECT sum(failures) AS n FROM auth_failures_1h')).toBe(20);
		expect(await scalar('SELECT uniqExactMerge(accounts) AS n FROM auth_failures_1h')).toBe(5);
		expect(await scalar('SELECT sum(events) AS n FROM activity_totals_15m')).toBe(40);
		expect(await scalar('SELECT sum(failed_sign_ins) AS n FROM activity_totals_15m')).toBe(20);
		expect(await scalar('SELECT uniqExactMerge(accounts) AS n FROM active_accounts_1h')).toBe(5);
		expect(await scalar('SELECT uniqExactMerge(accounts) AS n FROM active_accounts_1d')).toBe(5);
		expect(await scalar("SELECT count() AS n FROM security_events WHERE kind = 'sign_in'")).toBe(20);
		// The timeline's lookup tables (0030): every event by its address, and by its (lowered) email.
		expect(await scalar('SELECT count() AS n FROM events_by_ip')).toBe(40);
		expect(await scalar("SELECT countIf(kind = 'email' AND actor LIKE 'u_@x.com') AS n FROM events_by_actor")).toBe(40);
	});

	it('refuse to run over a migration edited after it was applied', async () => {
		const edited = all.map((m) => (m.version === 2 ? { ...m, checksum: 'different' } : m));
		await expect(migrate(edited)).rejects.toThrow(/0?2_events was edited/);
	});

	it('rewrite the retention TTL when the configuration changes, and only then', async () => {
		expect(await applyRetention({ days: 90, securityDays: 365 })).toBe(false);
		expect(await applyRetention({ days: 30, securityDays: 400 })).toBe(true);
		const [ddl] = await query({ name: 'test.ddl', row: Text, sql: "SELECT create_table_query AS s FROM system.tables WHERE database = currentDatabase() AND name = 'events'" });
		expect(ddl.s).toMatch(/400, 30/);
		expect(await applyRetention({ days: 30, securityDays: 400 })).toBe(false);
	});
});
