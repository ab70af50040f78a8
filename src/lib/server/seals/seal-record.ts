import { createHash, sign, verify, type KeyObject } from 'node:crypto';

export const SEAL_TAG = 'trailscope-seal/1';
/** The previous hash of a tenant's first seal. */
export const GENESIS = '0'.repeat(64);

/**
 * One signed seal: a period of one tenant's events (by occurred_at) that arrived in
 * [receivedFrom, receivedTo). The first seal of a period (`period`) takes every event received
 * before it was made; an `amendment` takes those that arrived after the previous seal of that
 * period. Seals chain per tenant in the order they were made (seq). Times are ISO 8601 UTC.
 */
export interface Seal {
	tenant: string;
	seq: number;
	periodStart: string;
	periodEnd: string;
	kind: 'period' | 'amendment';
	receivedFrom: string;
	receivedTo: string;
	events: number;
	root: string;
	prevHash: string;
	sealedAt: string;
	keyId: string;
	/** Ed25519 over the payload, base64. */
	signature: string;
	/** SHA-256 of the payload: what the next seal names as prevHash. */
	hash: string;
}

export type UnsignedSeal = Omit<Seal, 'signature' | 'hash'>;

/** The exact bytes signed and hashed: a JSON array in a fixed order (docs/seals.md). */
export function sealPayload(s: UnsignedSeal): Buffer {
	return Buffer.from(
		JSON.stringify([SEAL_TAG, s.tenant, s.seq, s.periodStart, s.periodEnd, s.kind, s.receivedFrom, s.receivedTo, s.events, s.root, s.prevHash, s.sealedAt, s.keyId])
	);
}

export const sealHash = (s: UnsignedSeal) => createHash('sha256').update(sealPayload(s)).digest('hex');

export function signSeal(s: UnsignedSeal, privateKey: KeyObject): Seal {
	const payload = sealPayload(s);
	return { ...s, signature: sign(null, payload, privateKey).toString('base64'), hash: createHash('sha256').update(payload).digest('hex') };
}

/** Whether the signature is the key's over this payload (a forged field or another key fails). */
export function signatureValid(s: Seal, publicKey: KeyObject): boolean {
	try {
		return verify(null, sealPayload(s), publicKey, Buffer.from(s.signature, 'base64'));
	} catch {
		return false;
	}
}
