import { getConfig } from '../config';
import { listSealHeads } from '../queries/seals/list-seal-heads';
import { loadSealKey } from './seal-key';

export interface SealOverview {
	keyId: string;
	publicKey: string;
	periodMinutes: number;
	/** The tenant's latest seal: when it was made, up to which period end, and its place in the chain. */
	last: { sealedAt: string; periodEnd: string; seq: number } | null;
}

/** What the settings page shows about tamper evidence for one tenant. */
export async function getSealOverview(tenant: string): Promise<SealOverview> {
	const config = getConfig();
	const key = loadSealKey(config.seals.keyFile);
	const [head] = await listSealHeads(tenant);
	return {
		keyId: key.keyId,
		publicKey: key.publicPem,
		periodMinutes: config.seals.periodMs / 60_000,
		last: head ? { sealedAt: head.sealedAt.toISOString(), periodEnd: head.lastPeriodEnd.toISOString(), seq: head.seq } : null
	};
}
