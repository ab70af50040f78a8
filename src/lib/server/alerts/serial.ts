/** Runs tasks one after another within this process; a failed task does not block the next. */
export function createSerial() {
	let queue: Promise<unknown> = Promise.resolve();
	return <T>(fn: () => Promise<T>): Promise<T> => {
		const run = queue.then(fn, fn);
		queue = run.catch(() => {});
		return run;
	};
}

/** Every write of alerts in this process (evaluations, status changes) goes through this one queue. */
export const alertWrites = createSerial();
