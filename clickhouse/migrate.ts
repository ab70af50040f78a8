import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { z } from 'zod';
import { forgetStructures } from '../src/lib/server/clickhouse/file-insert';
import { withSettings } from '../src/lib/server/clickhouse/literal';
import { command, query } from '../src/lib/server/clickhouse/query';
import { getConfig } from '../src/lib/server/config';
import { KIND_VIEWS, type KindView } from '../src/lib/server/queries/kind-views';
import { createdTables, toClusterForm } from './cluster';
import { refreshDerivedViews } from './derived-views';
import { splitStatements, StatementSyntaxError } from './statements';

export interface Migration {
	version: number;
	name: string;
	checksum: string;
	statements: string[];
}

const FILE = /^(\d{4})_([a-z0-9_]+)\.sql$/;


export function loadMigrations(dir = resolve(process.cwd(), 'clickhouse')): Migration[] {
	const files = readdirSync(dir).filter((f) => FILE.test(f)).sort();
	return files.map((file) => {
		const [, version, name] = FILE.exec(file)!;
		const sql = readFileSync(resolve(dir, file), 'utf8');
		let statements: string[];
		try {
			statements = splitStatements(sql);
		} catch (e) {
			if (e instanceof StatementSyntaxError) throw new Error(`Migration ${file}: ${e.message}`);
			throw e;
		}
		return { version: Number(version), name, checksum: createHash('sha256').update(sql).digest('hex'), statements };
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

/** The statements of a migration as the runner sends them (before any cluster form). */
export const migrationStatements = (m: Migration) => m.statements.map((s) => withMigrationSettings(m.version, s));

const AppliedRow = z.object({ version: z.coerce.number(), checksum: z.string() });

let knownTables: Set<string> | undefined;

/**
 * Runs a schema statement in the form the configured store needs: as written, or on a cluster
 * (CLICKHOUSE_CLUSTER) in its cluster form (cluster.ts). `tables` are those the migrations create.
 */
export async function runSchemaStatement(name: string, statement: string, tables?: ReadonlySet<string>): Promise<void> {
	const ch = getConfig().clickhouse;
	if (ch.mode !== 'server' || !ch.cluster) return command(name, statement);
	tables ??= knownTables ??= createdTables(loadMigrations().flatMap((m) => m.statements));
	for (const s of toClusterForm(statement, tables, { cluster: ch.cluster, database: ch.database })) await command(name, s);
}

/**
 * Applies every migration not yet recorded, in order, refusing to run over an edited one; then
 * brings the views rendered from TypeScript up to date (derived-views.ts). A test that replays an
 * older install passes a prefix of the migrations and no views.
 */
export async function migrate(migrations = loadMigrations(), views: readonly KindView[] = KIND_VIEWS): Promise<Migration[]> {
	const tables = createdTables(migrations.flatMap((m) => m.statements));
	await runSchemaStatement('migrations.bootstrap', migrations[0].statements.join(';\n'), tables);
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
		for (const statement of migrationStatements(m)) await runSchemaStatement(`migrations.${m.version}`, statement, tables);
		await command('migrations.record', 'INSERT INTO schema_migrations (version, name, checksum) VALUES ({v:UInt32}, {n:String}, {c:String})', {
			v: m.version,
			n: m.name,
			c: m.checksum
		});
		ran.push(m);
	}
	const rebuilt = await refreshDerivedViews(views, migrations, (name, sql) => runSchemaStatement(name, sql, tables));
	if (ran.length > 0 || rebuilt.length > 0) forgetStructures();
	return ran;
}
