import { insert } from '../../src/lib/server/clickhouse/query';
import { prepareEvents } from '../../src/lib/server/ingest/prepare';

export const NOW = new Date('2026-12-02T12:00:00Z');
/** A time `m` minutes before NOW (fractions allowed). */
export const ago = (m: number) => new Date(NOW.getTime() - m * 60_000).toISOString();

/** Stores events through the real ingest preparation (categories, IPs, records parsed as in production). */
export async function store(events: Record<string, unknown>[], now = NOW): Promise<void> {
	const prepared = await prepareEvents(events, [], { now, retention: { days: 90, securityDays: 365 } });
	if (!prepared.ok) throw new Error(JSON.stringify(prepared.problems.slice(0, 3)));
	await insert('test.insertEvents', 'events', prepared.rows);
}

export const failures = (tenant: string, n: number, o: { ip?: string; account?: (i: number) => string; startMin: number; stepSec?: number }) =>
	Array.from({ length: n }, (_, i) => ({
		tenant,
		occurred_at: ago(o.startMin - (i * (o.stepSec ?? 20)) / 60),
		action: 'login_failed',
		outcome: 'failure',
		actor: { id: o.account ? o.account(i) : 'victim', email: `${o.account ? o.account(i) : 'victim'}@example.com` },
		ip: o.ip ?? '203.0.113.9'
	}));
