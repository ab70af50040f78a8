export interface GroupCommitOptions<T> {
	/** Upper bound on the summed weight of one batch (rows, not requests). */
	maxWeight: number;
	weight: (item: T) => number;
}

/**
 * Commits concurrent submissions together: while one flush runs, newcomers wait and then go
 * out as one batch. A lone request is flushed at once, so batching adds no latency when idle,
 * and many small requests under load become few large inserts.
 */
export function createGroupCommit<T, R>(flush: (items: T[]) => Promise<R[]>, opts: GroupCommitOptions<T>) {
	type Pending = { item: T; resolve: (r: R) => void; reject: (e: unknown) => void };
	let queue: Pending[] = [];
	let running = false;

	function takeBatch(): Pending[] {
		let weight = 0;
		let n = 0;
		while (n < queue.length && (n === 0 || weight + opts.weight(queue[n].item) <= opts.maxWeight)) {
			weight += opts.weight(queue[n].item);
			n++;
		}
		const batch = queue.slice(0, n);
		queue = queue.slice(n);
		return batch;
	}

	async function drain() {
		running = true;
		// One macrotask lets requests already parsed in this tick join the first batch.
		await new Promise((r) => setImmediate(r));
		while (queue.length > 0) {
			const batch = takeBatch();
			try {
				const results = await flush(batch.map((p) => p.item));
				batch.forEach((p, i) => p.resolve(results[i]));
			} catch (e) {
				batch.forEach((p) => p.reject(e));
			}
		}
		running = false;
	}

	return {
		submit(item: T): Promise<R> {
			return new Promise<R>((resolve, reject) => {
				queue.push({ item, resolve, reject });
				if (!running) void drain();
			});
		},
		get pending() {
			return queue.length;
		}
	};
}
