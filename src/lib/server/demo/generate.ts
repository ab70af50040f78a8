import type { EventInput } from '../../schemas/event-input';
import { simulatePerson } from './activity';
import { byTime, finalize, type Draft } from './event';
import { plantIncidents } from './incident-events';
import { DAY, parisDay } from './paris-time';
import { EMPLOYEES } from './people';
import { createRng, hashSeed } from './prng';
import { simulateServices } from './services';

export interface DemoOptions {
	/** The end of the generated period; nothing is dated after it. */
	now: Date;
	days?: number;
	seed?: number;
	tenant?: string;
}

export const DEMO_DEFAULT_SEED = 1;
// Distinct stream tags keep incidents independent of how much routine activity precedes them.
const INCIDENT_STREAM = 0x1c1d;

/**
 * A month of audit events from Northwind Labs, with planted incidents (see DEMO_INCIDENTS).
 * Pure: the same options give the same events, ids included. Each Paris calendar day draws from
 * its own stream, so a given day looks the same whatever `now` the caller passes.
 */
export function generateDemoEvents(opts: DemoOptions): EventInput[] {
	const end = opts.now.getTime();
	const days = opts.days ?? 30;
	const seed = opts.seed ?? DEMO_DEFAULT_SEED;
	const tenant = opts.tenant ?? 'default';
	if (!Number.isFinite(end)) throw new RangeError('now must be a valid date');
	if (!(days > 0 && days <= 366)) throw new RangeError('days must be between 0 (excluded) and 366');
	const start = end - days * DAY;

	const drafts: Draft[] = [];
	for (let day = parisDay(start); day <= parisDay(end); day++) {
		const rng = createRng(hashSeed(seed, day));
		for (const person of EMPLOYEES) simulatePerson(person, day, rng, drafts);
		simulateServices(day, rng, drafts);
	}
	drafts.push(...plantIncidents(opts.now, (i) => createRng(hashSeed(seed, INCIDENT_STREAM, i))));

	return drafts
		.filter((d) => d.t >= start && d.t <= end)
		.sort(byTime)
		.map((d) => finalize(d, tenant));
}
