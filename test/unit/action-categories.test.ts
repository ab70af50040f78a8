import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { EVENT_KINDS } from '../../src/lib/schemas/rule';
import { deriveCategory, deriveOutcome } from '../../src/lib/server/ingest/categories';
import { ACTION_TABLE } from './action-table';

const SAMPLES = fileURLToPath(new URL('../../../shared/samples/panther-analysis/', import.meta.url));
const haveSamples = existsSync(`${SAMPLES}rule_test_events.jsonl`);

describe('categories of real action names (action-table.ts)', () => {
	it('holds at least 150 distinct names, each kind at least once', () => {
		expect(new Set(ACTION_TABLE.map(([a]) => a)).size).toBeGreaterThanOrEqual(150);
		const kinds = new Set(ACTION_TABLE.flatMap(([, , k]) => k.split('+')));
		for (const k of [...EVENT_KINDS, 'none']) expect(kinds, k).toContain(k);
	});

	it.each(ACTION_TABLE.map(([action, category, , e]) => [action, e?.target ?? '', category] as const))('derives %j (target %j) as %s', (action, target, category) => {
		expect(deriveCategory(action, target || undefined)).toBe(category);
	});

	it('never makes a deletion authentication because of its target (the demo\'s bulk_delete of 120 chat sessions)', () => {
		for (const target of ['chat_session', 'session', 'sessions', 'api_key', 'token', 'password', 'UserSession']) {
			for (const verb of ['delete', 'bulk_delete', 'purge', 'remove', 'destroy', 'DELETED', 'erase']) expect(deriveCategory(verb, target), `${verb} ${target}`).not.toBe('authentication');
		}
		expect(deriveCategory('bulk_delete', 'chat_session')).toBe('data_change');
		// A clear action still decides: the target only refines a vague verb.
		expect(deriveCategory('login', 'session')).toBe('authentication');
	});

	it('matches words as whole tokens', () => {
		// "session" inside other words, "auth" inside "author", "export" inside "exporter" name nothing.
		expect(deriveCategory('sessionize_notes')).not.toBe('authentication');
		expect(deriveCategory('author_updated')).toBe('data_change');
		expect(deriveCategory('exporter_renamed')).not.toBe('data_export');
	});

	it.each([
		['login_failed', 'failure'],
		['LOGIN_FAILED', 'failure'],
		['LoginFailure', 'failure'],
		['user.authentication.failed', 'failure'],
		['export_unsuccessful', 'failure'],
		['login', 'success'],
		['user_blocked', 'success'],
		['invite_rejected', 'success'],
		['failover_started', 'success'],
		['FailoverDBCluster', 'success'],
		['bulk_delete', 'success']
	] as const)('derives the outcome of %j sent without one as %s', (action, outcome) => {
		expect(deriveOutcome(action)).toBe(outcome);
	});

	it.skipIf(!haveSamples)(
		haveSamples ? 'lists every Okta eventType, CloudTrail eventName and GitHub action of the samples' : 'skipped: ../shared/samples is absent (public sample data, not kept in the project)',
		() => {
			const listed = new Set(ACTION_TABLE.map(([a]) => a));
			const missing = new Set<string>();
			for (const line of readFileSync(`${SAMPLES}rule_test_events.jsonl`, 'utf8').split('\n')) {
				if (!line.trim()) continue;
				const { log_type, log } = JSON.parse(line) as { log_type?: string; log?: Record<string, unknown> };
				const field = (n: string) => (log ? Object.entries(log).find(([k]) => k.toLowerCase() === n.toLowerCase())?.[1] : undefined);
				const name = log_type?.startsWith('Okta.') ? field('eventType') : log_type === 'AWS.CloudTrail' ? field('eventName') : log_type?.startsWith('GitHub.') ? field('action') : undefined;
				if (typeof name === 'string' && name && !listed.has(name)) missing.add(name);
			}
			expect([...missing]).toEqual([]);
		}
	);
});
