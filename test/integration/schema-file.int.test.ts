import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { clusterFormOfSchema } from '../../clickhouse/cluster-schema';
import { migrate } from '../../clickhouse/migrate';
import { renderSchema } from '../../clickhouse/schema';
import { query } from '../../src/lib/server/clickhouse/query';

const file = new URL('../../clickhouse/schema.sql', import.meta.url);

describe('clickhouse/schema.sql', () => {
	it('is the schema the migrations build (run `npm run schema` after adding one)', async () => {
		await migrate();
		expect(await renderSchema(), 'clickhouse/schema.sql is stale: run `npm run schema`').toBe(readFileSync(file, 'utf8'));
	});
});

describe('the cluster form of the migrations', () => {
	it('parses, every statement, in the engine', async () => {
		const statements = clusterFormOfSchema({ cluster: '{cluster}', database: 'trailscope' }).flatMap((b) => b.statements);
		expect(statements.length).toBeGreaterThan(100);
		for (const s of statements) {
			const [row] = await query({ name: 'test.formatQuery', row: z.object({ f: z.string() }), params: { s }, sql: 'SELECT formatQuery({s:String}) AS f' });
			expect(row.f.length, s).toBeGreaterThan(0);
		}
	});
});
