/** Runs tasks one after another within this process; a failed task does not block the next. */
export function createSerial() {
	let queue: Promise<unknown> = Promise.resolve();
	return <T>(fn: () => Promise<T>): Promise<T> => {
		const run = queue.then(fn, fn);
		queue = run.catch(() => {});
		return run;
	};
}

/**
 * Runs tasks that share any key one after another, in the order they arrived; tasks with no key
 * in common run side by side. A task waits only for tasks registered before it, so two tasks
 * holding keys in opposite orders cannot wait for each other.
 */
export function createKeyedSerial() {
	const tails = new Map<string, Promise<unknown>>();
	return <T>(keys: readonly string[], task: () => Promise<T>): Promise<T> => {
		const run = Promise.all(keys.map((k) => tails.get(k))).then(task);
		const tail = run.catch(() => {});
		for (const k of keys) tails.set(k, tail);
		void tail.then(() => {
			for (const k of keys) if (tails.get(k) === tail) tails.delete(k);
		});
		return run;
	};
}
