import { z } from 'zod';
import { query } from '../../clickhouse/query';
import { toChTime } from '../../ingest/prepare';
import type { ArrivedMinute } from '../../rules/plan-arrivals';

const Row = z.object({ tenant: z.string(), minute: z.string(), last_received: z.string() });
const date = (ch: string) => new Date(`${ch.replace(' ', 'T')}Z`);

/**
 * The minutes (of occurred_at) holding events received in (since, until], per tenant, with the
 * latest arrival of each. The received_at skip index keeps this to the granules of recent arrivals.
 */
export async function listArrivedMinutes(since: Date | null, until: Date, tenants?: readonly string[]): Promise<ArrivedMinute[]> {
	const rows = await query({
		name: 'rules.listArrivedMinutes',
		row: Row,
		params: { since: toChTime(since ?? new Date(0)), until: toChTime(until), tenants: tenants ?? [] },
		sql: `SELECT tenant, toString(toStartOfMinute(occurred_at)) AS minute, toString(max(received_at)) AS last_received
			FROM events
			WHERE received_at > {since:DateTime64(3)} AND received_at <= {until:DateTime64(3)}
			  AND (empty({tenants:Array(String)}) OR has({tenants:Array(String)}, tenant))
			GROUP BY tenant, minute`
	});
	return rows.map((r) => ({ tenant: r.tenant, minute: date(r.minute), lastReceived: date(r.last_received) }));
}
