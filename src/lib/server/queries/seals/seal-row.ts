import { z } from 'zod';
import { chTimeToIso, toChTime } from '../../clickhouse/time';
import type { Seal } from '../../seals/seal-record';

/** The columns a seal read selects, as SealDbRow expects them. */
export const SEAL_COLUMNS = `tenant, seq, toString(period_start) AS period_start, toString(period_end) AS period_end, toString(kind) AS kind,
	toString(received_from) AS received_from, toString(received_to) AS received_to, events, toString(root) AS root,
	toString(prev_hash) AS prev_hash, toString(sealed_at) AS sealed_at, key_id, signature, toString(hash) AS hash`;

export const SealDbRow = z.object({
	tenant: z.string(),
	seq: z.coerce.number(),
	period_start: z.string(),
	period_end: z.string(),
	kind: z.enum(['period', 'amendment']),
	received_from: z.string(),
	received_to: z.string(),
	events: z.coerce.number(),
	root: z.string(),
	prev_hash: z.string(),
	sealed_at: z.string(),
	key_id: z.string(),
	signature: z.string(),
	hash: z.string()
});
export type SealDbRow = z.infer<typeof SealDbRow>;


export function toSeal(r: SealDbRow): Seal {
	return {
		tenant: r.tenant, seq: r.seq, periodStart: chTimeToIso(r.period_start), periodEnd: chTimeToIso(r.period_end), kind: r.kind, receivedFrom: chTimeToIso(r.received_from),
		receivedTo: chTimeToIso(r.received_to), events: r.events, root: r.root, prevHash: r.prev_hash, sealedAt: chTimeToIso(r.sealed_at), keyId: r.key_id,
		signature: r.signature, hash: r.hash
	};
}

const ch = (isoTime: string) => toChTime(new Date(isoTime));

export function toSealRow(s: Seal): Record<string, unknown> {
	return {
		tenant: s.tenant, seq: s.seq, period_start: ch(s.periodStart), period_end: ch(s.periodEnd), kind: s.kind, received_from: ch(s.receivedFrom),
		received_to: ch(s.receivedTo), events: s.events, root: s.root, prev_hash: s.prevHash, sealed_at: ch(s.sealedAt), key_id: s.keyId,
		signature: s.signature, hash: s.hash
	};
}
