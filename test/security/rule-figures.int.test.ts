import { beforeAll, describe, expect, it } from 'vitest';
import { insertRuleRuns, type RuleRun } from '../../src/lib/server/queries/rules/insert-rule-run';
import * as rulesApi from '../../src/routes/api/v1/rules/+server';
import { call, keyWith, ready } from '../integration/helpers';

// Issue 11, finding 11: a read key bound to one tenant saw rule-run figures summed over all tenants.
const run = (tenant: string, alertsRaised: number, error = ''): RuleRun => {
	const now = Date.now();
	return { ruleId: 'brute_force_ip', tenant, windowFrom: new Date(now - 600_000), windowTo: new Date(now - 300_000), windows: 1, startedAt: new Date(now - 1000), durationMs: 5, alertsRaised, alertsExtended: 0, error, arrivedTo: new Date(now - 300_000) };
};

type Listed = { rules: { id: string; stats: { alerts_raised: number; runs: number; errors: number; last_error: string | null } | null }[] };
const figures = async (key: string) => ((await call(rulesApi.GET, '/api/v1/rules', { key })).json as Listed).rules.find((r) => r.id === 'brute_force_ip')!.stats;

beforeAll(async () => {
	await ready();
	await insertRuleRuns([run('acme', 2), run('globex', 40), run('globex', 0, 'globex secret failure')]);
});

describe('rule-run figures', () => {
	it("show a tenant-bound reader only its own tenant's runs", async () => {
		expect(await figures(await keyWith(['read'], 'acme'))).toMatchObject({ alerts_raised: 2, runs: 1, errors: 0, last_error: null });
	});

	it('show a reader of every tenant the sum over all of them', async () => {
		expect(await figures(await keyWith(['read']))).toMatchObject({ alerts_raised: 42, runs: 3, errors: 1 });
	});
});
