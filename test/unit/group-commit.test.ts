import { describe, expect, it } from 'vitest';
import { createGroupCommit } from '../../src/lib/server/ingest/group-commit';

/** A promise the test settles itself, so ordering is decided by the test, not by timers. */
function gate() {
	let open!: () => void;
	const opened = new Promise<void>((r) => (open = r));
	return { open, opened };
}

describe('createGroupCommit', () => {
	it('flushes a lone submission at once and batches those that arrive during a flush', async () => {
		const batches: number[][] = [];
		const started = gate();
		const release = gate();
		const gc = createGroupCommit<number, number>(
			async (items) => {
				batches.push(items);
				started.open();
				await release.opened;
				return items.map((i) => i * 10);
			},
			{ maxWeight: 100, weight: () => 1 }
		);
		const first = gc.submit(1);
		await started.opened;
		const rest = [2, 3, 4].map((i) => gc.submit(i));
		release.open();
		expect(await first).toBe(10);
		expect(await Promise.all(rest)).toEqual([20, 30, 40]);
		expect(batches).toEqual([[1], [2, 3, 4]]);
	});

	it('keeps batches under the weight limit', async () => {
		const batches: number[][] = [];
		const gc = createGroupCommit<number, undefined>(
			async (items) => {
				batches.push(items);
				return items.map(() => undefined);
			},
			{ maxWeight: 5, weight: (n) => n }
		);
		await Promise.all([3, 2, 4, 1].map((n) => gc.submit(n)));
		expect(batches).toEqual([[3, 2], [4, 1]]);
	});

	it('rejects every submission of a failed batch and goes on with the next', async () => {
		let calls = 0;
		const gc = createGroupCommit<number, number>(
			async (items) => {
				if (calls++ === 0) throw new Error('store down');
				return items;
			},
			{ maxWeight: 10, weight: () => 1 }
		);
		const failed = Promise.allSettled([gc.submit(1), gc.submit(2)]);
		expect((await failed).map((r) => r.status)).toEqual(['rejected', 'rejected']);
		expect(await gc.submit(3)).toBe(3);
	});
});

describe('createGroupCommit with two in flight', () => {
	it('sends a second batch while the first is written, unless they share a key', async () => {
		const log: string[] = [];
		const firstStarted = gate();
		const secondStarted = gate();
		const releaseFirst = gate();
		const gc = createGroupCommit<{ n: number; keys: string[] }, number>(
			async (items) => {
				const name = items.map((i) => i.n).join('+');
				log.push(`start ${name}`);
				if (name === '1') {
					firstStarted.open();
					await releaseFirst.opened;
				}
				if (name === '2') secondStarted.open();
				log.push(`end ${name}`);
				return items.map((i) => i.n);
			},
			{ maxWeight: 100, weight: () => 1, maxInFlight: 2, keys: (i) => i.keys }
		);
		const a = gc.submit({ n: 1, keys: ['x'] });
		await firstStarted.opened;
		const b = gc.submit({ n: 2, keys: ['y'] });
		const c = gc.submit({ n: 3, keys: ['x'] });
		// Batch 2 starts while 1 is still held open; only then is 1 let go.
		await secondStarted.opened;
		releaseFirst.open();
		expect(await Promise.all([a, b, c])).toEqual([1, 2, 3]);
		// 2 overlaps 1; 3 shares key x with 1 and waits for it.
		expect(log.indexOf('start 2')).toBeLessThan(log.indexOf('end 1'));
		expect(log.indexOf('start 3')).toBeGreaterThan(log.indexOf('end 1'));
	});
});
