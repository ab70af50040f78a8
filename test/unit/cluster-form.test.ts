import { describe, expect, it } from 'vitest';
import { createdTables, toClusterForm } from '../../clickhouse/cluster';
import { renderClusterForm } from '../../clickhouse/cluster-schema';
import { loadMigrations } from '../../clickhouse/migrate';

const tables = createdTables(loadMigrations().flatMap((m) => m.statements));
const target = { cluster: '{cluster}', database: 'trailscope' };

describe('the cluster form of the migrations', () => {
	it('is exactly the locked rendering (update with `vitest -u` and review the diff)', async () => {
		await expect(renderClusterForm(target)).toMatchFileSnapshot('./__snapshots__/cluster-form.sql');
	});

	it('replicates every table on each node behind a Distributed table of the same name', () => {
		const [local, distributed] = toClusterForm("CREATE TABLE IF NOT EXISTS t\n(\n    id String,\n    v UInt64\n)\nENGINE = ReplacingMergeTree(v)\nORDER BY (id)", new Set(['t']), target);
		expect(local).toBe("CREATE TABLE IF NOT EXISTS t_local ON CLUSTER '{cluster}'\n(\n    id String,\n    v UInt64\n)\nENGINE = ReplicatedReplacingMergeTree('/clickhouse/tables/{shard}/{database}/{table}', '{replica}', v)\nORDER BY (id)");
		expect(distributed).toBe("CREATE TABLE IF NOT EXISTS t ON CLUSTER '{cluster}' AS t_local\nENGINE = Distributed('{cluster}', 'trailscope', 't_local', cityHash64(id))");
	});

	it.each([
		['a view reads and fills local tables', 'CREATE MATERIALIZED VIEW v TO r AS SELECT a FROM events JOIN x USING a', ["CREATE MATERIALIZED VIEW v ON CLUSTER '{cluster}' TO r_local AS SELECT a FROM events_local JOIN x USING a"]],
		['a column change reaches both tables', 'ALTER TABLE events ADD COLUMN c UInt8', ["ALTER TABLE events_local ON CLUSTER '{cluster}' ADD COLUMN c UInt8", "ALTER TABLE events ON CLUSTER '{cluster}' ADD COLUMN c UInt8"]],
		['an index or TTL change the local table only', 'ALTER TABLE events MODIFY TTL x', ["ALTER TABLE events_local ON CLUSTER '{cluster}' MODIFY TTL x"]],
		['a truncate empties the local tables', 'TRUNCATE TABLE IF EXISTS r', ["TRUNCATE TABLE IF EXISTS r_local ON CLUSTER '{cluster}'"]],
		['a backfill stays as written (Distributed to Distributed)', 'INSERT INTO r SELECT a FROM events', ['INSERT INTO r SELECT a FROM events']]
	])('%s', (_, statement, expected) => {
		expect(toClusterForm(statement, new Set(['events', 'r']), target)).toEqual(expected);
	});

	it('refuses a statement it has no cluster form for, rather than run it on one node', () => {
		expect(() => toClusterForm('RENAME TABLE a TO b', tables, target)).toThrow(/no cluster form/);
		expect(() => toClusterForm('ALTER TABLE nope ADD COLUMN c UInt8', tables, target)).toThrow(/no migration creates/);
	});
});
