import { describe, expect, it } from 'vitest';
import { createGroupCommit } from '../../src/lib/server/ingest/group-commit';

describe('createGroupCommit', () => {
	it('flushes a lone submission at once and batches those that arrive during a flush', async () => {
		const batches: number[][] = [];
		const gc = createGroupCommit<number, number>(
			async (items) => {
				batches.push(items);
				await new Promise((r) => setTimeout(r, 20));
				return items.map((i) => i * 10);
			},
			{ maxWeight: 100, weight: () => 1 }
		);
		const first = gc.submit(1);
		await new Promise((r) => setTimeout(r, 5));
		const rest = [2, 3, 4].map((i) => gc.submit(i));
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
		const gc = createGroupCommit<{ n: number; keys: string[] }, number>(
			async (items) => {
				log.push(`start ${items.map((i) => i.n).join('+')}`);
				await new Promise((r) => setTimeout(r, 20));
				log.push(`end ${items.map((i) => i.n).join('+')}`);
				return items.map((i) => i.n);
			},
			{ maxWeight: 100, weight: () => 1, maxInFlight: 2, keys: (i) => i.keys }
		);
		const a = gc.submit({ n: 1, keys: ['x'] });
		await new Promise((r) => setTimeout(r, 5));
		const b = gc.submit({ n: 2, keys: ['y'] });
		const c = gc.submit({ n: 3, keys: ['x'] });
		expect(await Promise.all([a, b, c])).toEqual([1, 2, 3]);
		// 2 overlaps 1; 3 shares key x with 1 and waits for it.
		expect(log.indexOf('start 2')).toBeLessThan(log.indexOf('end 1'));
		expect(log.indexOf('start 3')).toBeGreaterThan(log.indexOf('end 1'));
	});
});
