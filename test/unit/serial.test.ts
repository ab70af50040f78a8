import { describe, expect, it } from 'vitest';
import { createKeyedSerial, createSerial } from '../../src/lib/server/serial';

/** A task that finishes only when the test says so, recording when it starts. */
function gate(log: string[], name: string) {
	let open!: () => void;
	const done = new Promise<void>((r) => (open = r));
	return { task: async () => { log.push(`start ${name}`); await done; log.push(`end ${name}`); return name; }, open };
}

describe('createSerial', () => {
	it('starts a task only after the one before it ended, even when that one failed', async () => {
		const serial = createSerial();
		const log: string[] = [];
		const a = gate(log, 'a');
		const first = serial(a.task);
		const failing = serial(async () => { log.push('start b'); throw new Error('b failed'); });
		const third = serial(async () => { log.push('start c'); return 'c'; });
		await Promise.resolve();
		expect(log).toEqual(['start a']);
		a.open();
		await expect(first).resolves.toBe('a');
		await expect(failing).rejects.toThrow('b failed');
		await expect(third).resolves.toBe('c');
		expect(log).toEqual(['start a', 'end a', 'start b', 'start c']);
	});
});

describe('createKeyedSerial', () => {
	it('orders tasks that share a key and runs the others side by side', async () => {
		const serial = createKeyedSerial();
		const log: string[] = [];
		const a = gate(log, 'a');
		const b = gate(log, 'b');
		const first = serial(['x'], a.task);
		const other = serial(['y'], b.task);
		const same = serial(['x', 'y'], async () => { log.push('start c'); return 'c'; });
		await new Promise((r) => setImmediate(r));
		expect(log).toEqual(['start a', 'start b']);
		a.open();
		await first;
		expect(log).not.toContain('start c');
		b.open();
		await Promise.all([other, same]);
		expect(log.at(-1)).toBe('start c');
	});
});
