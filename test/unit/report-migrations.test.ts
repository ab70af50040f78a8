import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadMigrations } from '../../clickhouse/migrate';
import * as K from '../../src/lib/server/queries/event-kinds';
import { KIND_VIEWS, kindViewsMigration } from '../../src/lib/server/queries/kind-views';

const dir = new URL('../../clickhouse/', import.meta.url).pathname;
const migrations = loadMigrations(dir);
const squash = (sql: string) => sql.replace(/\s+/g, ' ').trim();

/** The statements of the last migration that creates `view`, whitespace aside. */
function latestDefinition(view: string) {
	const creates = (s: string) => new RegExp(`^CREATE MATERIALIZED VIEW (IF NOT EXISTS )?${view} `).test(s);
	const m = migrations.filter((x) => x.statements.some(creates)).at(-1);
	return m && { version: m.version, statements: m.statements.map(squash) };
}

describe('report rollups', () => {
	// The views copy the predicates as text (a migration cannot import TypeScript). When event-kinds.ts
	// changes, the latest migration no longer matches, and a new one must recreate the views; landed
	// migrations are never edited (the runner refuses an edited one).
	it.each(KIND_VIEWS.map((v) => [v.view, v] as const))('%s is, in its latest migration, exactly what kind-views.ts renders from event-kinds.ts', (view, v) => {
		const latest = latestDefinition(view);
		expect(latest, `no migration creates ${view}`).toBeDefined();
		for (const statement of v.statements) {
			expect(latest!.statements, `migration ${latest!.version} is out of date; add a migration with:\n${kindViewsMigration()}`).toContain(squash(statement));
		}
	});

	it('auth_failures_1h counts FAILED_SIGN_IN from an address, in its view and its backfill', () => {
		const sql = squash(readFileSync(`${dir}0006_auth_failures_1h.sql`, 'utf8'));
		// The migration wrote the predicate without its outer parentheses.
		const where = `WHERE ${K.FAILED_SIGN_IN.slice(1, -1)} AND ip != toIPv6('::')`;
		expect(sql.split(where)).toHaveLength(3);
		expect(migrations.filter((m) => m.statements.some((s) => s.includes('auth_failures_1h_mv'))).map((m) => m.version)).toEqual([6]);
	});

	it('the first rollups (0013, 0014) are superseded by a later migration, never edited', () => {
		for (const v of KIND_VIEWS) expect(latestDefinition(v.view)!.version).toBeGreaterThan(14);
		// What 0013 and 0014 held when they landed: the predicates before issue 10, e.g. deletions outside authentication only.
		expect(readFileSync(`${dir}0014_activity_totals.sql`, 'utf8')).toContain(`countIf((outcome = 'success' AND category != 'authentication' AND (match(action_key,`);
	});
});
