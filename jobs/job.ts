/** A scheduled job: a thin shell that reads, calls pure logic with `now`, and writes. */
export interface Job {
	name: string;
	/** Cron expression, evaluated in UTC. */
	schedule: string;
	/** Does the work for `now`; returns a one-line summary for the log. */
	run(now: Date): Promise<string>;
}
