import { createHash } from 'node:crypto';
import { z } from 'zod';
import { command, query } from '../src/lib/server/clickhouse/query';
import type { KindView } from '../src/lib/server/queries/kind-views';
import type { Migration } from './migrate';

const squash = (sql: string) => sql.replace(/\s+/g, ' ').trim();
export const viewChecksum = (v: KindView) => createHash('sha256').update(v.statements.join(';\n')).digest('hex');

/** Whether a numbered migration already built the view from exactly this text (no refill needed). */
export function builtByMigration(v: KindView, migrations: readonly Migration[]): boolean {
	const creates = (s: string) => new RegExp(`^CREATE MATERIALIZED VIEW (IF NOT EXISTS )?${v.view} `).test(s);
	const latest = migrations.filter((m) => m.statements.some(creates)).at(-1);
	if (!latest) return false;
	const held = new Set(latest.statements.map(squash));
	return v.statements.every((s) => held.has(squash(s)));
}

const Row = z.object({ name: z.string(), checksum: z.string() });

/**
 * Brings each view rendered from TypeScript in line with its text, like a repeatable migration:
 * a view whose text changed since it was built is dropped, its table emptied, recreated and
 * refilled from the stored events. Runs after the numbered migrations; answers the views rebuilt.
 */
export async function refreshDerivedViews(views: readonly KindView[], migrations: readonly Migration[], run: (name: string, sql: string) => Promise<void>): Promise<string[]> {
	if (views.length === 0) return [];
	const recorded = new Map((await query({ name: 'migrations.listViews', row: Row, sql: 'SELECT name, checksum FROM schema_views FINAL' })).map((r) => [r.name, r.checksum]));
	const rebuilt: string[] = [];
	for (const v of views) {
		const checksum = viewChecksum(v);
		const seen = recorded.get(v.view);
		if (seen === checksum) continue;
		if (seen !== undefined || !builtByMigration(v, migrations)) {
			for (const statement of v.statements) await run(`migrations.view.${v.view}`, statement);
			rebuilt.push(v.view);
		}
		await command('migrations.recordView', 'INSERT INTO schema_views (name, checksum) VALUES ({n:String}, {c:String})', { n: v.view, c: checksum });
	}
	return rebuilt;
}
