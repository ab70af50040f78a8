import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { EventInputSchema } from '../../src/lib/schemas/event-input';
import { mapRecords, unwrapRecords, type ImportFormat } from '../../src/lib/server/importers/import-records';
import { deriveCategory } from '../../src/lib/server/ingest/categories';

// Public sample data read from beside the project, never kept in it; where it is absent (a clone
// on its own) the sample-based tests are skipped and the pure ones still run.
const SAMPLES = fileURLToPath(new URL('../../../shared/samples/panther-analysis', import.meta.url));
const haveSamples = existsSync(SAMPLES);
const scenario = (path: string): unknown[] => parse(readFileSync(`${SAMPLES}/test_scenarios/${path}`, 'utf8')).Logs;
const vendorLogs = (logType: string): unknown[] =>
	readFileSync(`${SAMPLES}/rule_test_events.jsonl`, 'utf8')
		.split('\n')
		.filter(Boolean)
		.map((l) => JSON.parse(l))
		.filter((t) => t.log_type === logType)
		.map((t) => t.log);

function mapped(format: ImportFormat, records: unknown[]) {
	const r = mapRecords(format, records);
	if (!r.ok) throw new Error(JSON.stringify(r.problems.slice(0, 3)));
	return r.events as Record<string, any>[];
}

describe.skipIf(!haveSamples).each([
	['okta', 'Okta.SystemLog'],
	['cloudtrail', 'AWS.CloudTrail'],
	['github', 'GitHub.Audit']
] as const)('the %s importer on the vendor test events', (format, logType) => {
	it('maps every record that names an action and a time into a valid event, and names what the others lack', () => {
		const logs = vendorLogs(logType);
		expect(logs.length).toBeGreaterThan(50);
		let valid = 0;
		for (const log of logs) {
			const r = mapRecords(format, [log]);
			if (!r.ok) {
				expect(['is missing', 'is not a time']).toContain(r.problems[0].message);
				continue;
			}
			const checked = EventInputSchema.safeParse(r.events[0]);
			expect(checked.success, JSON.stringify(checked.error?.issues)).toBe(true);
			valid++;
		}
		// Panther's test events are often partial on purpose; most still carry an action and a time.
		expect(valid / logs.length).toBeGreaterThan(0.6);
	});
});

describe.skipIf(!haveSamples)('the Okta importer', () => {
	it('reads the brute-force scenario as nine failed sign-ins of one account', () => {
		const events = mapped('okta', scenario('okta-add-administrator/brute_force_logins.yml'));
		const failed = events.filter((e) => e.outcome === 'failure');
		expect(failed).toHaveLength(9);
		expect(new Set(failed.map((e) => e.actor.email))).toEqual(new Set(['jack.naglieri@runpanther.io']));
		expect(new Set(failed.map((e) => e.ip)).size).toBeGreaterThan(1);
		expect(failed.every((e) => e.reason === 'VERIFICATION_ERROR' && e.source === 'okta')).toBe(true);
		expect(deriveCategory(failed[0].action)).toBe('authentication');
	});

	it('turns a privilege grant into changes that name the administrator rights', () => {
		const [grant] = mapped('okta', scenario('okta-add-administrator/admin_privs_assigned.yml'));
		expect(grant.action).toBe('user.account.privilege.grant');
		expect(grant.changes.after.privileges).toMatch(/administrator/i);
		expect(grant.target).toEqual({ type: 'User', id: '00u6eup97mAJZWYmP357', name: 'Thomas Kan' });
		expect(grant.user_agent).not.toMatch(/\n/);
	});
});

describe('the CloudTrail importer', () => {
	const events = haveSamples ? mapped('cloudtrail', scenario('compromised-root-creds/attacker_cloudtrail.yml')) : [];
	const withSamples = it.skipIf(!haveSamples);

	withSamples('reads failed console sign-ins of root as failures from the attacker address', () => {
		const failed = events.filter((e) => e.action === 'ConsoleLogin' && e.outcome === 'failure');
		expect(failed.length).toBeGreaterThan(2);
		expect(failed.every((e) => e.ip === '92.55.146.245' && e.actor.name === 'root')).toBe(true);
	});

	withSamples('gives records that share a vendor id ("1") ids of their own, the same on every import', () => {
		const ids = events.map((e) => e.id);
		expect(new Set(ids).size).toBe(ids.length);
		expect(mapped('cloudtrail', scenario('compromised-root-creds/attacker_cloudtrail.yml')).map((e) => e.id)).toEqual(ids);
	});

	withSamples('records a policy attachment as a change of policy', () => {
		const attach = events.find((e) => e.action === 'AttachUserPolicy');
		expect(attach?.changes.after.policy).toMatch(/^arn:aws:iam::aws:policy\//);
		expect(deriveCategory('AttachUserPolicy')).toBe('authorization');
	});

	it('accepts a CloudTrail file as written, records wrapped in Records', () => {
		expect(unwrapRecords([{ Records: [{ a: 1 }, { b: 2 }] }, { c: 3 }])).toEqual([{ a: 1 }, { b: 2 }, { c: 3 }]);
	});

	it('keeps service names out of the IP column', () => {
		const [e] = mapped('cloudtrail', [{ eventName: 'GetObject', eventTime: '2026-11-30T10:00:00Z', sourceIPAddress: 's3.amazonaws.com' }]);
		expect(e.ip).toBeUndefined();
	});
});

describe('mapRecords', () => {
	it('lists every record it cannot read, by index and field', () => {
		const r = mapRecords('okta', [{ eventType: 'user.session.start' }, 'text', { published: '2026-11-30T10:00:00Z' }]);
		expect(r.ok).toBe(false);
		if (!r.ok)
			expect(r.problems).toEqual([
				{ index: 0, field: 'published', message: 'is missing' },
				{ index: 1, field: '', message: 'must be a JSON object' },
				{ index: 2, field: 'eventType', message: 'is missing' }
			]);
	});

	it('reads GitHub times given without a zone as UTC', () => {
		const [e] = mapped('github', [{ action: 'org.add_member', actor: 'octocat', created_at: '2023-01-31 18:58:27.638', user: 'mona' }]);
		expect(e.occurred_at).toBe('2023-01-31T18:58:27.638Z');
		expect(e.target).toEqual({ type: 'user', id: 'mona', name: 'mona' });
	});
});
