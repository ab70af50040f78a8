import cron, { type ScheduledTask } from 'node-cron';
import { inBackground } from '../src/lib/server/clickhouse/lane';
import type { Job } from './job';
import { JOBS } from './registry';

export interface Scheduler {
	/** Runs a job now, as the schedule would; for tests and manual triggers. */
	runNow(name: string): Promise<string>;
	stop(): Promise<void>;
}

async function runLogged(job: Job, clock: () => Date): Promise<string> {
	const started = Date.now();
	try {
		// Rule ticks, report batches and archiving run on the background lane (a second engine
		// session), so the timeline does not wait behind their queries.
		const summary = await inBackground(() => job.run(clock()));
		console.log(`jobs: ${job.name}: ${summary} (${Date.now() - started} ms)`);
		return summary;
	} catch (e) {
		// A failing job is logged and retried at its next tick; it never stops the others.
		console.error(`jobs: ${job.name} failed:`, e);
		throw e;
	}
}

/** Starts every job on its cron schedule (UTC), never two runs of one job at once. */
export function startScheduler(jobs: Job[] = JOBS, clock: () => Date = () => new Date()): Scheduler {
	const tasks: ScheduledTask[] = jobs.map((job) =>
		cron.schedule(job.schedule, () => runLogged(job, clock).catch(() => {}), { name: job.name, timezone: 'UTC', noOverlap: true })
	);
	return {
		runNow(name) {
			const job = jobs.find((j) => j.name === name);
			if (!job) return Promise.reject(new Error(`no job named ${name}`));
			return runLogged(job, clock);
		},
		async stop() {
			await Promise.all(tasks.map((t) => t.destroy()));
		}
	};
}
