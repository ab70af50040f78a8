import { canonicalOfRow } from './canonical-of';
import { expectedHash } from './canonical';
import { leafHash } from './merkle';
import { listPeriodEvents, listPeriodIds, listVerifyRowsByIds, type VerifyRow } from '../queries/seals/list-period-events';
import { listPeriodLeaves, type PeriodLeavesRow } from '../queries/seals/list-period-leaves';
import { listSealHeads } from '../queries/seals/list-seal-heads';
import { listSeals, listSealsBySeq } from '../queries/seals/list-seals';
import { listSealLeafLists } from '../queries/seals/seal-leaves';
import type { VerifySource } from './verify-range';
import type { PeriodLeaves, VerifyEvent } from './verify-period';
import { chTimeMs } from '../clickhouse/time';

const PAGE = 50_000;

export const verifyEventOfRow = (r: VerifyRow): VerifyEvent => ({ canonical: canonicalOfRow(r), storedHash: r.content_hash, occurredMs: chTimeMs(r.occurred_at), receivedMs: chTimeMs(r.received_at) });

/**
 * One period as the engine verified it; the rows it left to Node (form-1 hashes, invalid UTF-8)
 * are read in full and hashed here, in their places.
 */
async function periodOfRow(tenant: string, r: PeriodLeavesRow, periodMs: number): Promise<PeriodLeaves> {
	const from = new Date(r.period_ms);
	const to = new Date(r.period_ms + periodMs);
	const leaves = Buffer.from(r.leaves, 'hex');
	const changed = [...r.changed];
	if (r.node_ids.length) {
		const byId = new Map((await listVerifyRowsByIds({ tenant, from, to, ids: r.node_ids })).map((x) => [x.id, verifyEventOfRow(x)]));
		r.node_ids.forEach((id, i) => {
			const e = byId.get(id);
			if (!e) throw new Error(`event ${id} vanished while its period was verified`);
			const h = expectedHash(e.canonical, e.storedHash);
			if (h !== e.storedHash) changed.push(id);
			leafHash(id, h).copy(leaves, 32 * r.node_pos[i]);
		});
	}
	let ids: Promise<string[]> | undefined;
	const receivedMs = r.received === '' ? [] : r.received.split(',').map(Number);
	return { count: receivedMs.length, leaves, receivedMs, changed, ids: () => (ids ??= listPeriodIds({ tenant, from, to })) };
}

/** A tenant's seals and events as the store holds them now. */
export function storeSource(tenant: string): VerifySource {
	return {
		seals: (from, to) => listSeals(tenant, from, to),
		sealsBySeq: (seqs) => listSealsBySeq(tenant, seqs),
		async head() {
			const [h] = await listSealHeads(tenant);
			return h ? { firstPeriod: h.firstPeriod.getTime(), lastPeriodEnd: h.lastPeriodEnd.getTime(), receivedTo: h.receivedTo.getTime() } : null;
		},
		// Four days of a 10M-a-month tenant are ~1.3M leaves, ~90 MB of hex: bounded, and a month is 8 queries, not 31.
		spanMs: 4 * 86_400_000,
		sealedLeaves: async (seq) => (await listSealLeafLists(tenant, [seq])).get(seq),
		async periods(from, to, periodMs) {
			const rows = await listPeriodLeaves({ tenant, from, to, periodMs });
			return new Map(await Promise.all(rows.map(async (r) => [r.period_ms, await periodOfRow(tenant, r, periodMs)] as const)));
		},
		async *events(from, to) {
			let after: { at: string; id: string } | null = null;
			for (;;) {
				const rows = await listPeriodEvents({ tenant, from, to, after, limit: PAGE });
				yield rows.map(verifyEventOfRow);
				if (rows.length < PAGE) return;
				const last = rows[rows.length - 1];
				after = { at: last.occurred_at, id: last.id };
			}
		}
	};
}
