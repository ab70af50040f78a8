import { beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { ClickHouseError } from '@clickhouse/client';
import { z } from 'zod';
import { getClickHouse, storeKind } from '../../src/lib/server/clickhouse/client';
import { command, insert, query, StoreError } from '../../src/lib/server/clickhouse/query';

// What the server-mode run relies on from the HTTP test server, checked through the app's own client.
const N = z.object({ n: z.coerce.number() });

beforeAll(async () => {
	await command('test.create', 'CREATE TABLE IF NOT EXISTS proto (id UUID, n UInt32, at DateTime64(3, \'UTC\')) ENGINE = MergeTree ORDER BY id');
});

describe('the ClickHouse HTTP test server', () => {
	it('is what the app talks to in this run: a server, over HTTP', async () => {
		expect(storeKind()).toBe('server');
		expect(await (await getClickHouse()).ping()).toMatchObject({ success: true });
	});

	it('answers an error as a server does: the client parses code and type from its body', async () => {
		const failed = await query({ name: 'test.missing', row: N, sql: 'SELECT count() AS n FROM no_such_table' }).catch((e: unknown) => e);
		expect(failed).toBeInstanceOf(StoreError);
		const cause = (failed as StoreError).cause;
		expect(cause).toBeInstanceOf(ClickHouseError);
		expect(cause).toMatchObject({ code: '60', type: 'UNKNOWN_TABLE' });
	});

	it('keeps a request\'s settings to that request', async () => {
		const client = await getClickHouse();
		const read = async (settings: Record<string, string>) =>
			(await (await client.query({ query: "SELECT value FROM system.settings WHERE name = 'log_comment'", format: 'JSONEachRow', clickhouse_settings: settings })).json<{ value: string }>())[0].value;
		expect(await read({ log_comment: 'only this one' })).toBe('only this one');
		expect(await read({})).toBe('');
	});

	it('inserts rows sent in the body, all or none', async () => {
		const ids = [randomUUID(), randomUUID()];
		await insert('test.insert', 'proto', ids.map((id, i) => ({ id, n: i, at: '2026-11-20 14:30:25.123' })));
		const bad = insert('test.insertBad', 'proto', [{ id: randomUUID(), n: 1, at: '2026-11-20 14:30:25.123' }, { id: 'not a uuid', n: 2, at: '2026-11-20 14:30:25.123' }]);
		await expect(bad).rejects.toBeInstanceOf(StoreError);
		expect(await query({ name: 'test.count', row: N, sql: 'SELECT count() AS n FROM proto' })).toEqual([{ n: 2 }]);
	});

	it('takes bound arrays too long for a URL in a multipart body', async () => {
		const ids = Array.from({ length: 30_000 }, () => randomUUID());
		expect(await query({ name: 'test.manyIds', row: N, params: { ids }, sql: 'SELECT length({ids:Array(UUID)}) AS n' })).toEqual([{ n: 30_000 }]);
	});
});
