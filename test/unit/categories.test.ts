import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { CATEGORIES, type Category } from '../../src/lib/schemas/event-input';
import { actionKey, deriveCategory, parseCategory } from '../../src/lib/server/ingest/categories';

describe('actionKey', () => {
	it.each([
		['LOGIN_FAILED', 'login_failed'],
		['login_failed', 'login_failed'],
		['  Login_Failed \n', 'login_failed'],
		['user.session.start', 'user.session.start'],
		['ConsoleLogin', 'consolelogin'],
		['publish on prod', 'publish on prod'],
		['Gestion DES Utilisateurs', 'gestion des utilisateurs'],
		['', '']
	])('keys %j as %j', (action, key) => {
		expect(actionKey(action)).toBe(key);
	});

	it('makes the two spellings of one action equal and leaves separators alone', () => {
		expect(actionKey('LOGIN_FAILED')).toBe(actionKey('login_failed'));
		expect(actionKey('login-failed')).not.toBe(actionKey('login_failed'));
	});
});

describe('parseCategory', () => {
	it.each(CATEGORIES.map((c) => [c]))('accepts the canonical %s in any case and with spaces', (c) => {
		expect(parseCategory(c)).toBe(c);
		expect(parseCategory(c.toUpperCase())).toBe(c);
		expect(parseCategory(` ${c.replaceAll('_', ' ')} `)).toBe(c);
		expect(parseCategory(c.replaceAll('_', '-'))).toBe(c);
	});

	const aliases: [string, Category][] = [
		['auth', 'authentication'],
		['AuthN', 'authentication'],
		['login', 'authentication'],
		['Authentification', 'authentication'],
		['Аутентификация', 'authentication'],
		['authz', 'authorization'],
		['Permissions', 'authorization'],
		['access', 'authorization'],
		['security', 'authorization'],
		['users', 'user_management'],
		['team', 'user_management'],
		['members', 'user_management'],
		['user management', 'user_management'],
		['Gestion des utilisateurs', 'user_management'],
		['settings', 'configuration'],
		['config', 'configuration'],
		['Configuration', 'configuration'],
		['workspace', 'configuration'],
		['Agent settings', 'configuration'],
		['Variables', 'configuration'],
		['Settings: Workspace', 'configuration'],
		['Настройки LLM', 'configuration'],
		['TTS настройки', 'configuration'],
		['export', 'data_export'],
		['Exports', 'data_export'],
		['data', 'data_change'],
		['Data Changes', 'data_change'],
		['documents', 'data_change'],
		['Builder', 'data_change'],
		['chat', 'data_change'],
		['Chats', 'data_change'],
		['Publish', 'data_change'],
		['Чат', 'data_change'],
		['integrations', 'integration'],
		['webhooks', 'integration'],
		['bots', 'integration'],
		['Боты и виджеты', 'integration'],
		['service control', 'system'],
		['services', 'system'],
		['system operations', 'system'],
		['server management', 'system'],
		['backup operations', 'system'],
		['Opérations de sauvegarde', 'system'],
		['Gestion des serveurs', 'system'],
		['Opérations du Système', 'system'],
		['Управление сервисами', 'system']
	];
	it.each(aliases)('reads the alias %j as %s', (input, category) => {
		expect(parseCategory(input)).toBe(category);
	});

	it.each(['', '   ', 'foo', 'authenticationx', 'data_exports_all', 'login_failed', 'constructor', '__proto__', 'toString'])(
		'rejects %j',
		(input) => {
			expect(parseCategory(input)).toBeUndefined();
		}
	);
});

/** Every event name the five seed documents list, with the category a reader of that document expects. */
const SEED_EVENTS: [string, Category][] = [
	// 000 (Russian): authentication, service control, LLM and TTS settings, chat, bots and widgets
	['login', 'authentication'],
	['login_failed', 'authentication'],
	['logout', 'authentication'],
	['token_refresh', 'authentication'],
	['service_start', 'system'],
	['service_stop', 'system'],
	['service_restart', 'system'],
	['llm_backend_change', 'configuration'],
	['persona_change', 'configuration'],
	['provider_create', 'configuration'],
	['provider_update', 'configuration'],
	['provider_delete', 'configuration'],
	['voice_change', 'configuration'],
	['preset_create', 'configuration'],
	['preset_delete', 'configuration'],
	['session_create', 'data_change'],
	['session_delete', 'data_change'],
	['bulk_delete', 'data_change'],
	['bot_create', 'integration'],
	['bot_start', 'integration'],
	['bot_stop', 'integration'],
	['widget_create', 'integration'],
	// 002 (English, aifocus)
	['LOGIN_SUCCESS', 'authentication'],
	['LOGIN_FAILED', 'authentication'],
	['LOGOUT', 'authentication'],
	['CONTACT_CREATED', 'data_change'],
	['CONTACT_UPDATED', 'data_change'],
	['CONTACT_DELETED', 'data_change'],
	['SETTINGS_CHANGED', 'configuration'],
	['PERMISSIONS_CHANGED', 'authorization'],
	['INTEGRATION_ENABLED', 'integration'],
	['DATA_EXPORTED', 'data_export'],
	['REPORT_DOWNLOADED', 'data_export'],
	['EXPORTED_CONTACTS', 'data_export'],
	// 003 (English, BotDistrikt): bare verbs; the entity refines them (see the target-type tests)
	['LOGIN', 'authentication'],
	['LOGOUT', 'authentication'],
	['CREATED', 'data_change'],
	['UPDATED', 'data_change'],
	['DELETED', 'data_change'],
	['INVITED', 'user_management'],
	['ACCEPTED', 'user_management'],
	['csv_export', 'data_export'],
	// 004 (English, workspace audit), in the document's order
	['publish on next env', 'data_change'],
	['publish on prod', 'data_change'],
	['start human takeover', 'data_change'],
	['start human takeokver (click su bottone in chat)', 'data_change'],
	['upload document', 'data_change'],
	['insert URL', 'data_change'],
	['replace document', 'data_change'],
	['add tag to document', 'data_change'],
	['delete tag to document', 'data_change'],
	['export CSV', 'data_export'],
	['create issue', 'data_change'],
	['delete issue', 'data_change'],
	['edit issue', 'data_change'],
	['add evaluator', 'data_change'],
	['edit evaluator', 'data_change'],
	['activated evaluator', 'data_change'],
	['change global agent settings', 'configuration'],
	['add variable', 'configuration'],
	['edit variable', 'configuration'],
	['delete variable', 'configuration'],
	['add secret', 'configuration'],
	['delete secret', 'configuration'],
	['edit WS name', 'configuration'],
	['edit URL', 'configuration'],
	['edit timezone', 'configuration'],
	['enable multilanguage', 'configuration'],
	['change primary language', 'configuration'],
	['reset translations', 'configuration'],
	['export content', 'data_export'],
	['invite user', 'user_management'],
	['change role', 'authorization'],
	['delete user', 'user_management'],
	['turn handover on/off', 'configuration'],
	['edit closing days', 'configuration'],
	['edit web chat widget', 'configuration'],
	['create agent', 'data_change'],
	['create workflow', 'data_change'],
	['edit agent', 'data_change'],
	['edit workflow', 'data_change'],
	['delete agent', 'data_change'],
	['delete workflow', 'data_change']
];

const VENDOR_EVENTS: [string, Category][] = [
	// Okta System Log
	['user.session.start', 'authentication'],
	['user.session.end', 'authentication'],
	['user.authentication.auth_via_mfa', 'authentication'],
	['user.account.lock', 'authentication'],
	['user.account.privilege.grant', 'authorization'],
	['group.privilege.grant', 'authorization'],
	['system.api_token.create', 'authentication'],
	['user.lifecycle.create', 'user_management'],
	['user.lifecycle.deactivate', 'user_management'],
	['group.user_membership.add', 'user_management'],
	['application.lifecycle.create', 'integration'],
	['system.org.rate_limit.warning', 'system'],
	// AWS CloudTrail
	['ConsoleLogin', 'authentication'],
	['CreateUser', 'user_management'],
	['DeleteUser', 'user_management'],
	['AttachUserPolicy', 'authorization'],
	['PutRolePolicy', 'authorization'],
	['CreateAccessKey', 'authentication'],
	['AssumeRole', 'authentication'],
	['GetObject', 'data_access'],
	['ListBuckets', 'data_access'],
	['ListAccessKeys', 'data_access'],
	['BatchGetSecretValue', 'data_access'],
	['DescribeDBInstances', 'data_access'],
	['PutObject', 'data_change'],
	['DeleteObjects', 'data_change'],
	['PutBucketPolicy', 'authorization'],
	['PutBucketVersioning', 'configuration'],
	['StopLogging', 'configuration'],
	['DeleteTrail', 'configuration'],
	['CreateSecurityGroup', 'configuration'],
	['RunInstances', 'system'],
	['CreateDBInstanceReadReplica', 'system'],
	['RebootDBInstance', 'system'],
	['StartExportTask', 'data_export'],
	['AddPermission20150331v2', 'authorization'],
	['ListFunctions20150331', 'data_access'],
	// GitHub audit log
	['org.add_member', 'user_management'],
	['org.invite_member', 'user_management'],
	['repo.destroy', 'data_change'],
	['repo.create', 'data_change'],
	['git.clone', 'data_access'],
	['team.add_repository', 'authorization'],
	['team.create', 'user_management'],
	['business.add_admin', 'authorization'],
	['org.disable_two_factor_requirement', 'authentication'],
	['hook.create', 'integration'],
	['integration_installation.create', 'integration'],
	['protected_branch.destroy', 'configuration'],
	['repository_ruleset.update', 'configuration'],
	['public_key.create', 'authentication'],
	// Google Workspace
	['login_success', 'authentication'],
	['login_failure', 'authentication'],
	['2sv_disable', 'authentication'],
	['CREATE_USER', 'user_management'],
	['ASSIGN_ROLE', 'authorization'],
	['GRANT_ADMIN_PRIVILEGE', 'authorization'],
	['change_user_access', 'authorization'],
	['change_document_visibility', 'authorization'],
	['CHANGE_EMAIL_SETTING', 'configuration'],
	['ADD_TRUSTED_DOMAINS', 'configuration'],
	['CUSTOMER_TAKEOUT_CREATED', 'data_export'],
	['download', 'data_access'],
	['view', 'data_access'],
	['edit', 'data_change'],
	// Slack
	['user_login', 'authentication'],
	['user_logout', 'authentication'],
	['user_session_reset_by_admin', 'authentication'],
	['role_change_to_admin', 'authorization'],
	['permissions_assigned', 'authorization'],
	['user_created', 'user_management'],
	['app_installed', 'integration'],
	['file_downloaded', 'data_access'],
	['organization_created', 'configuration'],
	// Others in the same spirit
	['Sign in', 'authentication'],
	['admin_api_key_created', 'authentication'],
	['workspace_export_started', 'data_export'],
	['claude_chat_viewed', 'data_access']
];

describe('deriveCategory', () => {
	it.each(SEED_EVENTS)('puts the seed event %j in %s', (action, category) => {
		expect(deriveCategory(action)).toBe(category);
	});

	it.each(VENDOR_EVENTS)('puts the vendor event %j in %s', (action, category) => {
		expect(deriveCategory(action)).toBe(category);
	});

	it('ignores case, surrounding space and the separator style', () => {
		for (const [action, category] of SEED_EVENTS.slice(0, 20)) {
			expect(deriveCategory(action.toUpperCase())).toBe(category);
			expect(deriveCategory(` ${action} `)).toBe(category);
		}
		expect(deriveCategory('LoginFailed')).toBe('authentication');
		expect(deriveCategory('login-failed')).toBe('authentication');
		expect(deriveCategory('EditUrl')).toBe('configuration');
		expect(deriveCategory('edit_ws_name')).toBe('configuration');
	});

	it.each<[string, string, Category]>([
		['CREATED', 'user', 'user_management'],
		['UPDATED', 'access', 'authorization'],
		['DELETED', 'facebook_app', 'integration'],
		['UPDATED', 'webchat_app', 'integration'],
		['CREATED', 'webhook', 'integration'],
		['CREATED', 'csv_export', 'data_export'],
		['UPDATED', 'card', 'data_change'],
		['DELETED', 'tag', 'data_change'],
		['CREATED', 'view', 'data_change'],
		['download', 'report', 'data_export'],
		['download', 'file', 'data_access'],
		['view', 'user', 'data_access'],
		['enabled', 'bot', 'integration']
	])('refines the vague %j with the target type %j to %s', (action, targetType, category) => {
		expect(deriveCategory(action, targetType)).toBe(category);
	});

	it('never lets the target type override a clear action', () => {
		expect(deriveCategory('login', 'user')).toBe('authentication');
		expect(deriveCategory('change role', 'user')).toBe('authorization');
		expect(deriveCategory('session_create', 'session')).toBe('data_change');
		expect(deriveCategory('service_restart', 'webhook')).toBe('system');
		expect(deriveCategory('CREATED', '')).toBe('data_change');
	});

	it.each(['', '   ', 'foo_bar', 'start', 'completed', '🙂', '___', 'Управление'])('falls back to other for %j', (action) => {
		expect(deriveCategory(action)).toBe('other');
	});
});

const PANTHER = fileURLToPath(new URL('../../../shared/samples/panther-analysis/rule_test_events.jsonl', import.meta.url));
const havePanther = existsSync(PANTHER);

describe('deriveCategory on real vendor audit logs', () => {
	it.skipIf(!havePanther)(
		havePanther
			? 'files most Okta, CloudTrail and GitHub events somewhere other than "other"'
			: 'skipped: ../shared/samples/panther-analysis/rule_test_events.jsonl is absent (public sample data, not kept in the project)',
		() => {
			const byVendor = new Map<string, { total: number; other: number }>();
			const signIns: [string, Category][] = [];
			for (const line of readFileSync(PANTHER, 'utf8').split('\n')) {
				if (!line.trim()) continue;
				const event = JSON.parse(line) as { log_type?: unknown; log?: unknown };
				const named = vendorAction(String(event.log_type ?? ''), event.log);
				if (!named) continue;
				const category = deriveCategory(named.action);
				const tally = byVendor.get(named.vendor) ?? { total: 0, other: 0 };
				tally.total += 1;
				if (category === 'other') tally.other += 1;
				byVendor.set(named.vendor, tally);
				if (named.action === 'user.session.start' || named.action === 'ConsoleLogin') signIns.push([named.action, category]);
			}
			expect([...byVendor.keys()].sort()).toEqual(['cloudtrail', 'github', 'okta']);
			for (const [vendor, { total, other }] of byVendor) {
				expect(total, vendor).toBeGreaterThan(50);
				expect(other / total, `${vendor}: ${other} of ${total} fell back to other`).toBeLessThan(0.4);
			}
			expect(signIns.length).toBeGreaterThan(10);
			expect(signIns.filter(([, c]) => c !== 'authentication')).toEqual([]);
		}
	);
});

/** The action name of an Okta, CloudTrail or GitHub event; some samples lower-case the keys. */
function vendorAction(logType: string, log: unknown): { vendor: string; action: string } | undefined {
	if (typeof log !== 'object' || log === null) return undefined;
	const field = (name: string) => Object.entries(log).find(([k]) => k.toLowerCase() === name.toLowerCase())?.[1];
	const vendors: [string, boolean, string][] = [
		['okta', logType.startsWith('Okta.'), 'eventType'],
		['cloudtrail', logType === 'AWS.CloudTrail', 'eventName'],
		['github', logType.startsWith('GitHub.'), 'action']
	];
	const hit = vendors.find(([, matches]) => matches);
	const action = hit ? field(hit[2]) : undefined;
	return hit && typeof action === 'string' && action ? { vendor: hit[0], action } : undefined;
}
