import { describe, expect, it, vi } from 'vitest';
import { startScheduler } from '../../jobs/scheduler';
import { JOBS } from '../../jobs/registry';
import cron from 'node-cron';

describe('startScheduler', () => {
	it('runs a job with the injected clock and reports its summary', async () => {
		const fixed = new Date('2026-11-01T08:00:00Z');
		const seen: Date[] = [];
		const s = startScheduler([{ name: 'probe', schedule: '0 0 1 1 *', run: async (now) => (seen.push(now), 'ok') }], () => fixed);
		expect(await s.runNow('probe')).toBe('ok');
		expect(seen).toEqual([fixed]);
		await expect(s.runNow('nope')).rejects.toThrow(/no job named nope/);
		await s.stop();
	});

	it('surfaces a failing job to the caller and logs it', async () => {
		const err = vi.spyOn(console, 'error').mockImplementation(() => {});
		const s = startScheduler([{ name: 'broken', schedule: '0 0 1 1 *', run: async () => Promise.reject(new Error('boom')) }]);
		await expect(s.runNow('broken')).rejects.toThrow('boom');
		expect(err).toHaveBeenCalled();
		err.mockRestore();
		await s.stop();
	});

	it('gives every registered job a valid cron expression and a unique name', () => {
		expect(new Set(JOBS.map((j) => j.name)).size).toBe(JOBS.length);
		for (const j of JOBS) expect(cron.validate(j.schedule), j.name).toBe(true);
	});
});
