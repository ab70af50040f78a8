import { beforeAll, describe, expect, it } from 'vitest';
import { insertRuleRuns, type RuleRun } from '../../src/lib/server/queries/rules/insert-rule-run';
import { listArrivalMarks } from '../../src/lib/server/queries/rules/list-watermarks';
import { ready } from './helpers';

const run = (ruleId: string, tenant: string, startedAt: Date, arrivedTo: Date): RuleRun => ({
	ruleId, tenant, windowFrom: arrivedTo, windowTo: arrivedTo, windows: 0, startedAt, durationMs: 1, alertsRaised: 0, alertsExtended: 0, error: '', arrivedTo
});
const daysAgo = (d: number) => new Date(Date.now() - d * 86_400_000);

beforeAll(ready);

describe('arrival marks', () => {
	it('come from the last week of runs, or from all of them after a longer stop', async () => {
		await insertRuleRuns([run('brute_force_ip', 'acme', daysAgo(10), daysAgo(10))]);
		// The scheduler was down for ten days: the old mark is all there is, and it is used.
		const old = (await listArrivalMarks()).of('brute_force_ip', 'acme')!;
		expect(Math.abs(old.getTime() - daysAgo(10).getTime())).toBeLessThan(60_000);
		// Once ticks run again, a pair they cover has its recent mark; another rule starts at the latest.
		const now = new Date();
		await insertRuleRuns([run('brute_force_ip', 'acme', now, now)]);
		const marks = await listArrivalMarks();
		expect(marks.of('brute_force_ip', 'acme')!.getTime()).toBe(now.getTime());
		expect(marks.of('mass_deletion', 'globex')!.getTime()).toBe(now.getTime());
	});
});
