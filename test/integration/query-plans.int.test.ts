import { beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { GET, POST } from '../../src/routes/api/v1/events/+server';
import { query } from '../../src/lib/server/clickhouse/query';
import { EventFilterSchema } from '../../src/lib/schemas/event-filter';
import { LOOKUP_CONDITION } from '../../src/lib/server/queries/events/event-lookup';
import { buildEventWhere } from '../../src/lib/server/queries/events/event-where';
import { timelinePageSql } from '../../src/lib/server/queries/events/list-events';
import { newestPerTenantSql } from '../../src/lib/server/queries/events/newest-per-tenant';
import { call, ready } from './helpers';

// The plans the timeline relies on, checked with EXPLAIN so that a change to a shared condition
// that stops the engine reading in order (or by primary key) fails here rather than in the bench.
const tenants = ['plan-a', 'plan-b', 'plan-c'];
const base = Date.now() - 3 * 86_400_000;
const now = new Date();

async function explain(sql: string, params: Record<string, unknown>): Promise<string> {
	const rows = await query({ name: 'test.explain', row: z.object({ explain: z.string() }), params, sql: `EXPLAIN indexes = 1 ${sql}` });
	// Without the tree's drawing, so a pattern can span the lines of one step.
	return rows.map((r) => r.explain.replace(/[│├└─]/g, ' ')).join('\n');
}

beforeAll(async () => {
	await ready();
	// Enough rows for several granules (1,024 rows each) per tenant.
	for (const tenant of tenants) {
		const events = Array.from({ length: 3000 }, (_, i) => ({ id: randomUUID(), tenant, occurred_at: new Date(base + i * 60e3 + tenants.indexOf(tenant)).toISOString(), actor: `u-${i % 7}`, action: 'document.viewed', ip: `192.0.2.${i % 9}` }));
		expect((await call(POST, '/api/v1/events', { body: events })).status).toBe(202);
	}
});

describe('query plans', () => {
	it('a tenant timeline page reads in reverse primary-key order within its tenant', async () => {
		const w = buildEventWhere(EventFilterSchema.parse({ tenant: 'plan-a', from: 'now-7d' }), '*', now);
		const plan = await explain(timelinePageSql(w.sql, false), { ...w.params, limit: 51 });
		expect(plan).toContain('Read type: InReverseOrder');
		expect(plan).toMatch(/PrimaryKey\s+Keys:\s+tenant\s+occurred_at/);
	});

	it('a page across tenants reads each tenant in order, one branch per tenant', async () => {
		const q = await newestPerTenantSql(EventFilterSchema.parse({ from: 'now-7d' }), tenants, now, { ascending: false });
		const plan = await explain(q!.sql, { ...q!.params, limit: 51 });
		expect(plan.match(/Read type: InReverseOrder/g)).toHaveLength(tenants.length);
	});

	it('a page across tenants holds what one sort of every tenant holds, page after page', async () => {
		const walk = async (query: string) => {
			const ids: string[] = [];
			let r = await call(GET, `/api/v1/events?from=now-7d&limit=700${query}`);
			ids.push(...r.json.events.map((e: { id: string }) => e.id));
			while (r.json.next_cursor && ids.length < 3000) {
				r = await call(GET, `/api/v1/events?from=now-7d&limit=700${query}&cursor=${r.json.next_cursor}`);
				ids.push(...r.json.events.map((e: { id: string }) => e.id));
			}
			return ids;
		};
		// `source=` empty is no condition; `outcome` makes the page "picky", so it takes the single sort.
		const perTenant = await walk('');
		const sorted = await walk('&outcome=success');
		expect(perTenant.length).toBeGreaterThanOrEqual(3000);
		expect(perTenant).toEqual(sorted);
	});

	it('the events of a lookup page are read by primary key', async () => {
		const w = buildEventWhere(EventFilterSchema.parse({ tenant: 'plan-a', from: 'now-7d' }), '*', now);
		const keys = await query({ name: 'test.keys', row: z.object({ at: z.string(), id: z.string() }), sql: "SELECT toString(occurred_at) AS at, toString(id) AS id FROM events WHERE tenant = 'plan-a' ORDER BY occurred_at DESC LIMIT 5" });
		const params = { ...w.params, limit: 6, lkTenants: keys.map(() => 'plan-a'), lkAts: keys.map((k) => k.at), lkIds: keys.map((k) => k.id) };
		const plan = await explain(timelinePageSql(`${w.sql}\n  AND ${LOOKUP_CONDITION}`, false), params);
		expect(plan).toMatch(/PrimaryKey\s+Keys:\s+tenant\s+occurred_at\s+id/);
	});
});
