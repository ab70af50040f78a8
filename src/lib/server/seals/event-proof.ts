import { getConfig } from '../config';
import { getEvent } from '../queries/events/get-event';
import type { TenantScope } from '../queries/events/event-where';
import { listSealLeaves } from '../queries/seals/list-seal-leaves';
import { listSeals } from '../queries/seals/list-seals';
import { canonicalOfOutput } from './canonical-of';
import { expectedHash } from './canonical';
import { leafHash, merkleProof, rootFromProof, type ProofStep } from './merkle';
import { periodOf } from './plan-seals';
import { verifyStored } from './run-seals';
import type { Seal } from './seal-record';
import type { PeriodReport } from './verify-period';

export interface EventProof {
	event_id: string;
	tenant: string;
	content_hash: string;
	/** The canonical form's hash recomputed from the event as stored now. */
	recomputed_hash: string;
	leaf: string;
	index: number;
	path: ProofStep[];
	root: string;
	seal: Seal;
	/** The whole period, verified from the store (what the event drawer says). */
	period: PeriodReport;
}

export type ProofAnswer = { kind: 'absent' } | { kind: 'unsealed'; tenant: string; period_start: string } | ({ kind: 'sealed' } & EventProof);

/** The Merkle path of one event to the root of the seal that covers it, and its period's verification. */
export async function getEventProof(scope: TenantScope, id: string): Promise<ProofAnswer> {
	const event = await getEvent(scope, id);
	if (!event) return { kind: 'absent' };
	const periodMs = getConfig().seals.periodMs;
	const start = periodOf(Date.parse(event.occurred_at), periodMs);
	const received = Date.parse(event.received_at);
	const seals = await listSeals(event.tenant, new Date(start), new Date(start + 1));
	const seal = seals.find((s) => received >= Date.parse(s.receivedFrom) && received < Date.parse(s.receivedTo));
	if (!seal) return { kind: 'unsealed', tenant: event.tenant, period_start: new Date(start).toISOString() };
	const rows = await listSealLeaves({ tenant: event.tenant, periods: [start], periodMs, receivedFrom: new Date(seal.receivedFrom), receivedBefore: new Date(seal.receivedTo) });
	const leaves = rows.map((r) => leafHash(r.id, r.content_hash));
	const index = rows.findIndex((r) => r.id === event.id);
	const path = merkleProof(leaves, index);
	const period = (await verifyStored(event.tenant, new Date(start), new Date(start + periodMs))).periods[0];
	return {
		kind: 'sealed',
		event_id: event.id,
		tenant: event.tenant,
		content_hash: event.content_hash,
		recomputed_hash: expectedHash(canonicalOfOutput(event), event.content_hash),
		leaf: leaves[index].toString('hex'),
		index,
		path,
		root: rootFromProof(leaves[index], path),
		seal,
		period
	};
}
