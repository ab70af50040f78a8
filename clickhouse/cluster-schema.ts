import { KIND_VIEWS } from '../src/lib/server/queries/kind-views';
import { createdTables, toClusterForm, type ClusterTarget } from './cluster';
import { loadMigrations, migrationStatements } from './migrate';

/** Every migration, then the views rendered from event-kinds.ts, as the runner sends them to a cluster. */
export function clusterFormOfSchema(target: ClusterTarget): { title: string; statements: string[] }[] {
	const migrations = loadMigrations();
	const tables = createdTables(migrations.flatMap((m) => m.statements));
	const form = (statements: string[]) => statements.flatMap((s) => toClusterForm(s, tables, target));
	return [
		...migrations.map((m) => ({ title: `${String(m.version).padStart(4, '0')}_${m.name}`, statements: form(migrationStatements(m)) })),
		...KIND_VIEWS.map((v) => ({ title: `view ${v.view} (kind-views.ts)`, statements: form(v.statements) }))
	];
}

/** The cluster form as one SQL text, for reading and for the test that locks it. */
export function renderClusterForm(target: ClusterTarget): string {
	const head = `-- The cluster form of the schema (CLICKHOUSE_CLUSTER=${target.cluster}, CLICKHOUSE_DATABASE=${target.database}), rendered by clickhouse/cluster.ts.\n`;
	return [head, ...clusterFormOfSchema(target).map((b) => `-- ${b.title}\n${b.statements.map((s) => `${s};\n`).join('\n')}`)].join('\n');
}
