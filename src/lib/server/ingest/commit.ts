import { inLane } from '../clickhouse/lane';
import { insert } from '../clickhouse/query';
import type { EventRow } from './event-row';
import { listStoredIds } from '../queries/events/list-stored-ids';
import { listIdempotencyKeys, type IdempotencyRecord } from '../queries/ingest/list-idempotency-keys';
import { createGroupCommit } from './group-commit';
import { toChTime } from '../clickhouse/time';

export interface IngestJob {
	rows: EventRow[];
	/** Which event ids the sender chose (a retry carries them again); generated ones cannot repeat. */
	clientIds: boolean;
	keyId: string;
	idempotencyKey?: string;
	bodyHash: string;
}

export type JobResult =
	| { kind: 'stored'; accepted: number; duplicates: number }
	| { kind: 'replayed'; accepted: number }
	| { kind: 'conflict' }
	/** This request's rows were refused by the store; only its sender is told, never its batch-mates. */
	| { kind: 'failed'; error: unknown };

async function listIdempotent(jobs: IngestJob[]) {
	const pairs = jobs.filter((j) => j.idempotencyKey).map((j) => `${j.keyId}\n${j.idempotencyKey}`);
	if (pairs.length === 0) return new Map<string, IdempotencyRecord>();
	const rows = await listIdempotencyKeys(pairs);
	return new Map(rows.map((r) => [`${r.keyId}\n${r.idempotencyKey}`, r]));
}

/**
 * One batch of requests: requests already answered under their Idempotency-Key are replayed,
 * events whose ids are already stored under any tenant or time (or repeated within the batch)
 * are skipped as duplicates, and the rest go to ClickHouse as one insert. Runs serially (group
 * commit), so a retry racing its original is decided after the original is stored.
 */
export async function commitBatch(jobs: IngestJob[], now: Date): Promise<JobResult[]> {
	const idem = await listIdempotent(jobs);
	const seenKeys = new Map<string, IngestJob>();
	const stored = await listStoredIds(jobs.filter((j) => j.clientIds).flatMap((j) => j.rows.map((r) => r.id)));
	// By id alone, not tenant and id: an id names one event, so a second body under it is a duplicate wherever it points.
	const seenIds = new Set<string>();
	const toInsert: EventRow[] = [];
	const idemRows: object[] = [];
	const results = jobs.map((job): JobResult => {
		if (job.idempotencyKey) {
			const k = `${job.keyId}\n${job.idempotencyKey}`;
			const before = idem.get(k) ?? seenKeys.get(k);
			if (before) return before.bodyHash === job.bodyHash ? { kind: 'replayed', accepted: job.rows.length } : { kind: 'conflict' };
			seenKeys.set(k, job);
			idemRows.push({ key_id: job.keyId, idempotency_key: job.idempotencyKey, body_hash: job.bodyHash, accepted: job.rows.length, created_at: toChTime(now) });
		}
		let duplicates = 0;
		for (const row of job.rows) {
			if (stored.has(row.id) || seenIds.has(row.id)) duplicates++;
			else {
				seenIds.add(row.id);
				toInsert.push(row);
			}
		}
		return { kind: 'stored', accepted: job.rows.length, duplicates };
	});
	try {
		await insert('ingest.insertEvents', 'events', toInsert);
	} catch (e) {
		if (jobs.length === 1) throw e;
		return commitAlone(jobs, now);
	}
	ingestStats.batches++;
	ingestStats.requests += jobs.length;
	ingestStats.rows += toInsert.length;
	// After the events: a crash in between makes a retry look new, which the event ids still catch.
	await insert('ingest.insertIdempotencyKeys', 'ingest_requests', idemRows);
	return results;
}

/**
 * A batch the store refused is retried request by request, so one bad request (a value the
 * engine will not take) fails alone instead of failing everyone batched with it. Every id is
 * checked again, generated ones too: a refused insert may still have written some blocks.
 */
async function commitAlone(jobs: IngestJob[], now: Date): Promise<JobResult[]> {
	const results: JobResult[] = [];
	for (const job of jobs) {
		try {
			const [r] = await commitBatch([{ ...job, clientIds: true }], now);
			results.push(r);
		} catch (error) {
			results.push({ kind: 'failed', error });
		}
	}
	return results;
}

const MAX_BATCH_ROWS = 200_000;

/** How well group commit batches: requests stored against inserts made, since the process began. */
export const ingestStats = { requests: 0, batches: 0, rows: 0 };

let committer: ReturnType<typeof createGroupCommit<IngestJob, JobResult>> | undefined;

/** Submits a validated request to this process's group committer; resolves once it is stored. */
export function submitIngest(job: IngestJob): Promise<Exclude<JobResult, { kind: 'failed' }>> {
	// Batches are checked and written on ingest's own lane: neither the timeline nor a rule tick or an
	// export makes the other wait.
	committer ??= createGroupCommit<IngestJob, JobResult>((jobs) => inLane('ingest', () => commitBatch(jobs, new Date())), {
		maxWeight: MAX_BATCH_ROWS,
		weight: (j) => j.rows.length,
		// The engine writes one batch while the next is checked: two in flight, never two holding
		// the same client event id or Idempotency-Key, so duplicate checks stay exact.
		maxInFlight: 2,
		keys: (j) => [...(j.idempotencyKey ? [`key:${j.keyId}\n${j.idempotencyKey}`] : []), ...(j.clientIds ? j.rows.map((r) => `id:${r.id}`) : [])]
	});
	return committer.submit(job).then((r) => (r.kind === 'failed' ? Promise.reject(r.error) : r));
}
