import { canonicalOfRow } from './canonical-of';
import { listPeriodEvents, type VerifyRow } from '../queries/seals/list-period-events';
import { listSealHeads } from '../queries/seals/list-seal-heads';
import { listSeals, listSealsBySeq } from '../queries/seals/list-seals';
import type { VerifySource } from './verify-range';
import type { VerifyEvent } from './verify-period';
import { chTimeMs } from '../clickhouse/time';

const PAGE = 50_000;

export const verifyEventOfRow = (r: VerifyRow): VerifyEvent => ({ canonical: canonicalOfRow(r), storedHash: r.content_hash, occurredMs: chTimeMs(r.occurred_at), receivedMs: chTimeMs(r.received_at) });

/** A tenant's seals and events as the store holds them now. */
export function storeSource(tenant: string): VerifySource {
	return {
		seals: (from, to) => listSeals(tenant, from, to),
		sealsBySeq: (seqs) => listSealsBySeq(tenant, seqs),
		async head() {
			const [h] = await listSealHeads(tenant);
			return h ? { firstPeriod: h.firstPeriod.getTime(), lastPeriodEnd: h.lastPeriodEnd.getTime(), receivedTo: h.receivedTo.getTime() } : null;
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
