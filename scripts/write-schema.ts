// Writes clickhouse/schema.sql: every migration applied to a fresh embedded store in a temporary
// directory, then the schema as renderSchema() reads it back.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const dir = mkdtempSync(join(tmpdir(), 'trailscope-schema-'));
process.env.DATA_DIR = dir;
process.env.CLICKHOUSE_DATABASE = 'trailscope';
delete process.env.CLICKHOUSE_URL;
delete process.env.CLICKHOUSE_CLUSTER;
try {
	const { migrate } = await import('../clickhouse/migrate');
	const { renderSchema } = await import('../clickhouse/schema');
	const { closeClickHouse } = await import('../src/lib/server/clickhouse/client');
	await migrate();
	const text = await renderSchema();
	await closeClickHouse();
	writeFileSync(new URL('../clickhouse/schema.sql', import.meta.url), text);
	console.log(`clickhouse/schema.sql: ${text.length} characters`);
} finally {
	rmSync(dir, { recursive: true, force: true });
}
