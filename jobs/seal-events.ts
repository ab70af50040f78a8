import { runSeals, summarizeSeals } from '../src/lib/server/seals/run-seals';
import type { Job } from './job';

/**
 * Seals each tenant's events per period (docs/seals.md) once a period is past the rules' settle
 * time, and late arrivals into sealed periods in amendments. Every 5 minutes, so a period of any
 * configured length is sealed soon after it is due; a run with nothing due reads one small query.
 */
export const sealEvents: Job = {
	name: 'seal-events',
	schedule: '*/5 * * * *',
	async run(now) {
		return summarizeSeals(await runSeals(now));
	}
};
