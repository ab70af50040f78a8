import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { z } from 'zod';
import { forgetStructures } from '../src/lib/server/clickhouse/file-insert';
import { withSettings } from '../src/lib/server/clickhouse/literal';
import { command, query } from '../src/lib/server/clickhouse/query';

export interface Migration {
	version: number;
	name: string;
	checksum: string;
	statements: string[];
}

const FILE = /^(\d{4})_([a-z0-9_]+)\.sql$/;

/** Splits a migration into statements: one per `;` at the end of a line, comments dropped. */
export function splitStatements(sql: string): string[] {
	const withoutComments = sql
		.split('\n')
		.filter((l) => !l.trim().startsWith('--'))
		.join('\n');
	return withoutComments
		.split(/;\s*(?:\n|$)/)
		.map((s) => s.trim())
		.filter(Boolean);
}

export function loadMigrations(dir = resolve(process.cwd(), 'clickhouse')): Migration[] {
	const files = readdirSync(dir).filter((f) => FILE.test(f)).sort();
	return files.map((file) => {
		const [, version, name] = FILE.exec(file)!;
		const sql = readFileSync(resolve(dir, file), 'utf8');
		return { version: Number(version), name, checksum: createHash('sha256').update(sql).digest('hex'), statements: splitStatements(sql) };
	});
}

/**
 * Settings a landed migration needs and cannot carry itself (migrations are never edited). The
 * security_events view of 0013 only parses with prefer_column_name_to_alias = 1, which used to leak
 * into the session from earlier queries; on a fresh database its SELECT statements get it in their
 * own SETTINGS clause (0016 then recreates the view with it in its definition).
 */
const COLUMN_BEFORE_ALIAS = { prefer_column_name_to_alias: 1 };
const MIGRATION_SETTINGS: Record<number, Record<string, number>> = { 13: COLUMN_BEFORE_ALIAS };

/** A statement with its migration's settings, where a SETTINGS clause belongs to a query (not to a table). */
function withMigrationSettings(version: number, statement: string): string {
	const settings = MIGRATION_SETTINGS[version];
	return settings && /^(INSERT\b|CREATE MATERIALIZED VIEW\b)[\s\S]*\bSELECT\b/i.test(statement) ? withSettings(statement, settings) : statement;
}

const AppliedRow = z.object({ version: z.coerce.number(), checksum: z.string() });

/** Applies every migration not yet recorded, in order; refuses to run over an edited one. */
export async function migrate(migrations = loadMigrations()): Promise<Migration[]> {
	await command('migrations.bootstrap', migrations[0].statements.join(';\n'));
	const applied = new Map(
		(await query({ name: 'migrations.listApplied', row: AppliedRow, sql: 'SELECT version, checksum FROM schema_migrations FINAL' })).map((r) => [
			r.version,
			r.checksum
		])
	);
	const ran: Migration[] = [];
	for (const m of migrations) {
		const seen = applied.get(m.version);
		if (seen !== undefined) {
			if (seen !== m.checksum) throw new Error(`Migration ${m.version}_${m.name} was edited after it was applied; add a new migration instead`);
			continue;
		}
		for (const statement of m.statements) await command(`migrations.${m.version}`, withMigrationSettings(m.version, statement));
		await command('migrations.record', 'INSERT INTO schema_migrations (version, name, checksum) VALUES ({v:UInt32}, {n:String}, {c:String})', {
			v: m.version,
			n: m.name,
			c: m.checksum
		});
		ran.push(m);
	}
	if (ran.length > 0) forgetStructures();
	return ran;
}
