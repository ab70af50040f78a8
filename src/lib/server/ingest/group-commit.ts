export interface GroupCommitOptions<T> {
	/** Upper bound on the summed weight of one batch (rows, not requests). */
	maxWeight: number;
	weight: (item: T) => number;
	/** How many batches may be committing at once. */
	maxInFlight?: number;
	/** What an item must not share with a batch in flight (e.g. client event ids); it waits for that batch. */
	keys?: (item: T) => Iterable<string>;
}

/**
 * Commits concurrent submissions together: while a flush runs, newcomers wait and go out as one
 * batch. A lone request is flushed at once, so batching adds no latency when idle, and many
 * small requests under load become few large inserts. With maxInFlight > 1, a second batch is
 * prepared and sent while the first is still being written, unless it shares a key with it.
 */
export function createGroupCommit<T, R>(flush: (items: T[]) => Promise<R[]>, opts: GroupCommitOptions<T>) {
	type Pending = { item: T; keys: string[]; resolve: (r: R) => void; reject: (e: unknown) => void };
	const maxInFlight = opts.maxInFlight ?? 1;
	let queue: Pending[] = [];
	let inFlight = 0;
	let scheduled = false;
	const busyKeys = new Set<string>();

	function takeBatch(): Pending[] {
		const batch: Pending[] = [];
		const rest: Pending[] = [];
		let weight = 0;
		for (const p of queue) {
			const fits = batch.length === 0 || weight + opts.weight(p.item) <= opts.maxWeight;
			if (fits && !p.keys.some((k) => busyKeys.has(k))) {
				batch.push(p);
				weight += opts.weight(p.item);
			} else rest.push(p);
		}
		queue = rest;
		return batch;
	}

	async function run(batch: Pending[]) {
		const keys = batch.flatMap((p) => p.keys);
		keys.forEach((k) => busyKeys.add(k));
		try {
			const results = await flush(batch.map((p) => p.item));
			batch.forEach((p, i) => p.resolve(results[i]));
		} catch (e) {
			batch.forEach((p) => p.reject(e));
		} finally {
			keys.forEach((k) => busyKeys.delete(k));
			inFlight--;
			pump();
		}
	}

	function pump() {
		while (inFlight < maxInFlight && queue.length > 0) {
			const batch = takeBatch();
			if (batch.length === 0) return;
			inFlight++;
			void run(batch);
		}
	}

	return {
		submit(item: T): Promise<R> {
			return new Promise<R>((resolve, reject) => {
				queue.push({ item, keys: opts.keys ? [...opts.keys(item)] : [], resolve, reject });
				// One macrotask lets requests already parsed in this tick join the same batch.
				if (!scheduled) {
					scheduled = true;
					setImmediate(() => {
						scheduled = false;
						pump();
					});
				}
			});
		},
		get pending() {
			return queue.length;
		}
	};
}
