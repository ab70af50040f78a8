/**
 * The cluster form of a migration statement, rendered from the single-server text (the files stay
 * as they landed). Each table becomes a replicated local table on every node plus a Distributed
 * table of the same name over them, so every query of the app reads and writes the same names in
 * both forms:
 *
 * - `CREATE TABLE t ... ENGINE = XMergeTree(args)` -> `t_local ON CLUSTER` with
 *   `ReplicatedXMergeTree('/clickhouse/tables/{shard}/{database}/{table}', '{replica}', args)`, and
 *   `t ON CLUSTER AS t_local ENGINE = Distributed(cluster, database, t_local, cityHash64(sort key))`.
 *   Sharding by the whole sort key keeps the versions of one row on one shard, so FINAL and
 *   ReplacingMergeTree still keep the latest; rollups are summed again on read anyway.
 * - Materialized views run on each node, from the local events to the local rollup (`TO t_local`,
 *   `FROM events_local`): an insert through the Distributed table lands on a shard, whose views
 *   fill that shard's rollups.
 * - `ALTER`: column changes go to both tables, the rest (indexes, TTL, settings) to the local one;
 *   `TRUNCATE` to the local one; `DROP VIEW` everywhere. Backfills (`INSERT ... SELECT`) stay as
 *   they are: they read and write through the Distributed tables.
 */

export interface ClusterTarget {
	/** The cluster's name in the servers' remote_servers, or a macro such as `{cluster}`. */
	cluster: string;
	database: string;
}

export const LOCAL_SUFFIX = '_local';
const ZK_PATH = '/clickhouse/tables/{shard}/{database}/{table}';

const CREATE_TABLE = /^CREATE TABLE (IF NOT EXISTS )?([A-Za-z_][A-Za-z0-9_]*)\s*\(/;
const ENGINE = /\bENGINE = ((?:Replacing|Summing|Aggregating|Collapsing|VersionedCollapsing)?MergeTree)(\(([^()]*)\))?/;
const CREATE_VIEW = /^CREATE MATERIALIZED VIEW (IF NOT EXISTS )?([A-Za-z_][A-Za-z0-9_]*) TO ([A-Za-z_][A-Za-z0-9_]*) AS\b/;
const ALTER = /^ALTER TABLE ([A-Za-z_][A-Za-z0-9_]*) ([\s\S]*)$/;
const COLUMN_CHANGE = /^(ADD|MODIFY|DROP|RENAME|COMMENT|CLEAR) COLUMN\b/;

/** The tables the migrations create (each becomes a local and a Distributed table). */
export function createdTables(statements: readonly string[]): Set<string> {
	return new Set(statements.flatMap((s) => CREATE_TABLE.exec(s)?.[2] ?? []));
}

const onCluster = (t: ClusterTarget) => `ON CLUSTER '${t.cluster}'`;

function createTable(statement: string, t: ClusterTarget): string[] {
	const [head, ifNotExists = '', name] = CREATE_TABLE.exec(statement)!;
	const engine = ENGINE.exec(statement);
	if (!engine) throw new Error(`no cluster form for the engine of ${name}`);
	const args = engine[3]?.trim();
	const replicated = `ENGINE = Replicated${engine[1]}('${ZK_PATH}', '{replica}'${args ? `, ${args}` : ''})`;
	const local = `CREATE TABLE ${ifNotExists}${name}${LOCAL_SUFFIX} ${onCluster(t)}\n(` + statement.slice(head.length).replace(ENGINE, replicated);
	const key = /\nORDER BY (.+)/.exec(statement)?.[1].trim().replace(/^\((.*)\)$/, '$1');
	if (!key) throw new Error(`no sort key to shard ${name} by`);
	const distributed = `CREATE TABLE ${ifNotExists}${name} ${onCluster(t)} AS ${name}${LOCAL_SUFFIX}\nENGINE = Distributed('${t.cluster}', '${t.database}', '${name}${LOCAL_SUFFIX}', cityHash64(${key}))`;
	return [local, distributed];
}

/** The view on every node, from local tables to a local table. */
function createView(statement: string, tables: ReadonlySet<string>, t: ClusterTarget): string {
	const [head, ifNotExists = '', view, target] = CREATE_VIEW.exec(statement)!;
	const select = statement.slice(head.length).replace(/\bFROM ([A-Za-z_][A-Za-z0-9_]*)\b/g, (m, table: string) => (tables.has(table) ? `FROM ${table}${LOCAL_SUFFIX}` : m));
	return `CREATE MATERIALIZED VIEW ${ifNotExists}${view} ${onCluster(t)} TO ${target}${LOCAL_SUFFIX} AS${select}`;
}

function alter(statement: string, tables: ReadonlySet<string>, t: ClusterTarget): string[] {
	const [, table, change] = ALTER.exec(statement)!;
	if (!tables.has(table)) throw new Error(`ALTER of ${table}, which no migration creates`);
	const local = `ALTER TABLE ${table}${LOCAL_SUFFIX} ${onCluster(t)} ${change}`;
	return COLUMN_CHANGE.test(change) ? [local, `ALTER TABLE ${table} ${onCluster(t)} ${change}`] : [local];
}

/** The statements that do on a cluster what `statement` does on one server. */
export function toClusterForm(statement: string, tables: ReadonlySet<string>, t: ClusterTarget): string[] {
	if (CREATE_TABLE.test(statement)) return createTable(statement, t);
	if (CREATE_VIEW.test(statement)) return [createView(statement, tables, t)];
	if (ALTER.test(statement)) return alter(statement, tables, t);
	const truncate = /^TRUNCATE TABLE (IF EXISTS )?([A-Za-z_][A-Za-z0-9_]*)$/.exec(statement);
	if (truncate) return [`TRUNCATE TABLE ${truncate[1] ?? ''}${truncate[2]}${LOCAL_SUFFIX} ${onCluster(t)}`];
	const drop = /^DROP VIEW (IF EXISTS )?([A-Za-z_][A-Za-z0-9_]*)$/.exec(statement);
	if (drop) return [`DROP VIEW ${drop[1] ?? ''}${drop[2]} ${onCluster(t)} SYNC`];
	if (/^INSERT INTO\b/.test(statement)) return [statement];
	throw new Error(`no cluster form for: ${statement.slice(0, 80)}`);
}
