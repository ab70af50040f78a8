import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * Which engine session a query runs on. The embedded engine runs one query at a time per session,
 * and chdb-node runs every query with bound parameters one at a time across the process, so an
 * export page, a report batch or an insert would make the timeline wait behind it. Long or bulk
 * work runs on the background lane: a second session that sends plain SQL (values rendered as
 * literals by literal.ts), which the engine runs beside the interactive one. Ingest has a session
 * of its own, sent plain SQL too: a rule tick over a bulk import of history ran 274 s on the
 * background session (10M-event benchmark, 2026-12-02) and every insert waited behind it.
 */
export type Lane = 'interactive' | 'background' | 'ingest';

const lanes = new AsyncLocalStorage<Lane>();

/** Runs `work`, and every query it starts, on a lane. */
export const inLane = <T>(lane: Lane, work: () => T): T => lanes.run(lane, work);

/** Runs `work`, and every query it starts, on the background lane. */
export const inBackground = <T>(work: () => T): T => inLane('background', work);

export const currentLane = (): Lane => lanes.getStore() ?? 'interactive';

/** The lane for bulk reads and writes: the caller's own session when it has one, else the background one. */
export const bulkLane = (): Exclude<Lane, 'interactive'> => {
	const lane = currentLane();
	return lane === 'interactive' ? 'background' : lane;
};
