/** Runs `work` while a 5 ms timer measures how late the event loop answers: its time and the longest stall. */
export async function timedWithStalls<T>(work: () => Promise<T>): Promise<{ result: T; ms: number; stall: number }> {
	let last = performance.now();
	let stall = 0;
	const tick = setInterval(() => {
		const t = performance.now();
		stall = Math.max(stall, t - last - 5);
		last = t;
	}, 5);
	const t0 = performance.now();
	try {
		const result = await work();
		return { result, ms: performance.now() - t0, stall };
	} finally {
		clearInterval(tick);
	}
}
