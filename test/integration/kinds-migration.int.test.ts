import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { refreshDerivedViews } from '../../clickhouse/derived-views';
import { loadMigrations, migrate, runSchemaStatement } from '../../clickhouse/migrate';
import { KIND_VIEWS } from '../../src/lib/server/queries/kind-views';
import { insert, query } from '../../src/lib/server/clickhouse/query';
import { rowsBefore0060 } from './legacy-rows';
import { prepareEvents } from '../../src/lib/server/ingest/prepare';

const N = z.object({ n: z.coerce.number() });
const scalar = async (sql: string) => (await query({ name: 'test.scalar', row: N, sql }))[0].n;

describe('migration 0016 (kinds of issue 10)', () => {
	it('reclassifies the events stored before it, in both rollups, and keeps classifying new ones', async () => {
		const all = loadMigrations();
		await migrate(all.filter((m) => m.version <= 15), []);
		const now = new Date();
		const at = (min: number) => new Date(now.getTime() - min * 60e3).toISOString();
		const events = [
			// A credential removed: a deletion now, whatever its authentication category; before, none.
			{ occurred_at: at(30), action: 'public_key.delete', actor: { id: 'dev' } },
			{ occurred_at: at(29), action: 'DeleteAccessKey', actor: { id: 'dev' } },
			// Named a failure but sent as a success: a sign-in before, none now.
			{ occurred_at: at(28), action: 'login_failed', outcome: 'success', actor: { id: 'dev' } },
			{ occurred_at: at(27), action: 'CONTACT_DELETED', actor: { id: 'dev' } }
		];
		const prepared = await prepareEvents(events, [], { now, retention: { days: 90, securityDays: 365 } });
		if (!prepared.ok) throw new Error('test events invalid');
		await insert('test.insertEvents', 'events', rowsBefore0060(prepared.rows));
		expect(await scalar(`SELECT count() AS n FROM security_events WHERE kind = 'deletion'`)).toBe(1);
		expect(await scalar(`SELECT count() AS n FROM security_events WHERE kind = 'sign_in'`)).toBe(1);
		expect(await scalar('SELECT sum(deletions) AS n FROM activity_totals_15m')).toBe(1);

		expect((await migrate(all)).map((m) => m.version)).toContain(16);
		expect(await scalar(`SELECT count() AS n FROM security_events WHERE kind = 'deletion'`)).toBe(3);
		expect(await scalar(`SELECT count() AS n FROM security_events WHERE kind = 'sign_in'`)).toBe(0);
		expect(await scalar('SELECT sum(deletions) AS n FROM activity_totals_15m')).toBe(3);
		expect(await scalar('SELECT sum(sign_ins) AS n FROM activity_totals_15m')).toBe(0);
		expect(await scalar('SELECT sum(events) AS n FROM activity_totals_15m')).toBe(4);

		const later = await prepareEvents([{ occurred_at: at(5), action: 'repo.destroy', actor: { id: 'dev' } }], [], { now, retention: { days: 90, securityDays: 365 } });
		if (!later.ok) throw new Error('test event invalid');
		await insert('test.insertEvents', 'events', later.rows);
		expect(await scalar(`SELECT count() AS n FROM security_events WHERE kind = 'deletion'`)).toBe(4);
		expect(await scalar('SELECT sum(deletions) AS n FROM activity_totals_15m')).toBe(4);
	});

	it('rebuilds a view rendered from event-kinds.ts when its text changes, refilling it from the stored events, and only then', async () => {
		const all = loadMigrations();
		await migrate(all);
		const now = new Date();
		const failures = ['dev', 'ignored', 'ignored'].map((id, i) => ({ occurred_at: new Date(now.getTime() - i * 60e3).toISOString(), action: 'login', outcome: 'failure', ip: '203.0.113.9', actor: { id } }));
		const prepared = await prepareEvents(failures, [], { now, retention: { days: 90, securityDays: 365 } });
		if (!prepared.ok) throw new Error('test events invalid');
		await insert('test.insertEvents', 'events', prepared.rows);
		expect(await scalar('SELECT sum(failures) AS n FROM auth_failures_1h')).toBe(3);
		const run = (name: string, sql: string) => runSchemaStatement(name, sql);
		expect(await refreshDerivedViews(KIND_VIEWS, all, run)).toEqual([]);

		// As if FAILED_SIGN_IN had changed: the next start rebuilds that view alone.
		const changed = KIND_VIEWS.map((v) => (v.view === 'auth_failures_1h_mv' ? { ...v, statements: v.statements.map((s) => s.replace("ip != toIPv6('::')", "ip != toIPv6('::') AND actor_id != 'ignored'")) } : v));
		expect(await refreshDerivedViews(changed, all, run)).toEqual(['auth_failures_1h_mv']);
		expect(await scalar('SELECT sum(failures) AS n FROM auth_failures_1h')).toBe(1);
		expect(await refreshDerivedViews(changed, all, run)).toEqual([]);
		await insert('test.insertEvents', 'events', prepared.rows.slice(1));
		expect(await scalar('SELECT sum(failures) AS n FROM auth_failures_1h')).toBe(1);
	});
});
