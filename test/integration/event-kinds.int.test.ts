import { beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { POST } from '../../src/routes/api/v1/events/+server';
import { query } from '../../src/lib/server/clickhouse/query';
import { EVENT_KINDS } from '../../src/lib/schemas/rule';
import { KIND_SQL } from '../../src/lib/server/rules/rule-sql';
import { call, ready } from './helpers';
import { ACTION_TABLE } from '../unit/action-table';

const TENANT = 'kinds-table';
// Recent enough for every retention: the events are fresh, as a sender's would be.
const FROM = Math.floor(Date.now() / 3600e3) * 3600e3 - 2 * 86400e3;
const idOf = (i: number) => `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`;

/** One event per row of the table, sent without a category so ingest derives it from the action. */
const EVENTS = ACTION_TABLE.map(([action, , , o], i) => ({
	id: idOf(i),
	tenant: TENANT,
	occurred_at: new Date(FROM + i * 60_000).toISOString(),
	actor: { id: `u-${i % 7}`, email: `user${i % 7}@example.com` },
	action,
	...(o?.outcome ? { outcome: o.outcome } : {}),
	ip: '203.0.113.7',
	...(o?.target ? { target: { type: o.target, id: `t-${i}` } } : {})
}));

const Row = z.object({ id: z.string(), category: z.string(), kinds: z.array(z.string()) });
let stored: Map<string, z.infer<typeof Row>>;

beforeAll(async () => {
	await ready();
	for (let i = 0; i < EVENTS.length; i += 200) expect((await call(POST, '/api/v1/events', { body: EVENTS.slice(i, i + 200) })).status).toBe(202);
	// The rules' own predicates (rule-sql.ts takes each from event-kinds.ts), run on the stored events.
	const rows = await query({
		name: 'test.eventKinds',
		row: Row,
		params: { tenant: TENANT },
		sql: `SELECT toString(id) AS id, toString(category) AS category,
				arrayFilter(k -> k != '', [${EVENT_KINDS.map((k) => `if(${KIND_SQL[k]}, '${k}', '')`).join(', ')}]) AS kinds
			FROM events WHERE tenant = {tenant:String}`
	});
	stored = new Map(rows.map((r) => [r.id, r]));
});

describe('the kinds of real action names, on the embedded store', () => {
	it('stores every row of the table', () => {
		expect(stored.size).toBe(ACTION_TABLE.length);
	});

	it.each(ACTION_TABLE.map((row, i) => [row[0], row[3]?.target ?? '', row[3]?.outcome ?? 'no outcome', row[1], row[2], i] as const))(
		'%j (target %j, %s) is stored as %s and counted as %s',
		(_action, _target, _outcome, category, kind, i) => {
			const row = stored.get(idOf(i))!;
			expect({ category: row.category, kind: row.kinds.join('+') || 'none' }).toEqual({ category, kind });
		}
	);
});

const n = z.coerce.number();

describe('the rollup views (migration 0016), on the same events', () => {
	it('file in security_events exactly the events each predicate finds', async () => {
		const listed = ['sign_in', 'export', 'privilege_change', 'config_change', 'deletion'];
		const rows = await query({
			name: 'test.securityEventKinds',
			row: z.object({ id: z.string(), kinds: z.array(z.string()) }),
			params: { tenant: TENANT },
			sql: `SELECT toString(id) AS id, arraySort(groupArray(toString(kind))) AS kinds FROM security_events WHERE tenant = {tenant:String} GROUP BY id`
		});
		const fromView = new Map(rows.map((r) => [r.id, r.kinds]));
		for (const [id, row] of stored) {
			expect(fromView.get(id) ?? [], id).toEqual(row.kinds.filter((k) => listed.includes(k)).sort());
		}
		expect(rows.length).toBeGreaterThan(100);
	});

	it('count in activity_totals_15m what the predicates count on the raw events', async () => {
		const cols = ['sign_ins', 'failed_sign_ins', 'exports', 'privilege_changes', 'configuration_changes', 'deletions', 'deleted_items'];
		const Totals = z.object(Object.fromEntries(cols.map((c) => [c, n])));
		const [rollup] = await query({
			name: 'test.activityTotals',
			row: Totals,
			params: { tenant: TENANT },
			sql: `SELECT ${cols.map((c) => `sum(${c}) AS ${c}`).join(', ')} FROM activity_totals_15m WHERE tenant = {tenant:String}`
		});
		const count = (k: string) => [...stored.values()].filter((r) => r.kinds.includes(k)).length;
		expect(rollup).toMatchObject({
			sign_ins: count('sign_in'),
			failed_sign_ins: count('failed_sign_in'),
			exports: count('export'),
			privilege_changes: count('privilege_change'),
			configuration_changes: count('config_change'),
			deletions: count('deletion'),
			// One item per deletion: no row of the table sends a bulk count.
			deleted_items: count('deletion')
		});
		expect(rollup.deletions).toBeGreaterThan(50);
	});
});
