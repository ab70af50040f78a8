import { CATEGORIES, type Category } from '../../schemas/event-input';
import { CATEGORY_ALIASES, EXACT_NAMES } from './category-names';

/** The key actions are grouped and filtered by: `LOGIN_FAILED` and `login_failed` are one action. */
export const actionKey = (action: string): string => action.trim().toLowerCase();

/** Words of a name: split on separators, camelCase and acronyms (`AttachUserPolicy`, `DBInstance`). */
function nameTokens(name: string): string[] {
	return name
		.replace(/(\p{Ll}|\p{N})(\p{Lu})/gu, '$1 $2')
		.replace(/(\p{Lu}+)(\p{Lu}\p{Ll})/gu, '$1 $2')
		// CloudTrail versions some API names (`ListFunctions20150331`).
		.replace(/(\p{L})(\d{4,})/gu, '$1 $2')
		.toLowerCase()
		.split(/[^\p{L}\p{N}]+/u)
		.filter(Boolean);
}

function normaliseLabel(input: string): string {
	return input.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().split(/[^\p{L}\p{N}]+/u).filter(Boolean).join(' ');
}

const CANONICAL = new Map<string, Category>(CATEGORIES.map((c) => [c.replaceAll('_', ' '), c]));
// A Map, not the object itself, so that `constructor` or `__proto__` sent as a category is unknown.
const ALIASES = new Map(Object.entries(CATEGORY_ALIASES).map(([label, c]) => [normaliseLabel(label), c]));

/** A category as people write it (any case, spaces or underscores, common aliases); undefined if unknown. */
export function parseCategory(input: string): Category | undefined {
	const label = normaliseLabel(input);
	return CANONICAL.get(label) ?? ALIASES.get(label);
}

interface Words {
	tokens: string[];
	padded: string;
}

type Test = (w: Words) => boolean;

const list = (words: string) => new Set(words.split(/\s+/).filter(Boolean));
const any = (words: string): Test => {
	const s = list(words);
	return (w) => w.tokens.some((t) => s.has(t));
};
const phrase = (...phrases: string[]): Test => (w) => phrases.some((p) => w.padded.includes(` ${p} `));
// Verbs sit at either end of an event name (`GetObject`, `claude_chat_viewed`); in the middle a
// word like "read" is usually part of a noun (`CreateDBInstanceReadReplica`).
const edge = (words: string): Test => {
	const s = list(words);
	return (w) => s.has(w.tokens[w.tokens[0] === 'batch' ? 1 : 0]) || s.has(w.tokens[w.tokens.length - 1]);
};
const both = (a: Test, b: Test): Test => (w) => a(w) && b(w);
const either = (...tests: Test[]): Test => (w) => tests.some((t) => t(w));

const DOWNLOAD = any('download downloaded downloads downloading');
const READ_VERBS = edge(
	'get gets list lists listed describe view viewed views read reads search searched show shown fetch fetched ' +
		'preview previewed browse lookup query queried clone pull download downloaded downloads downloading accessed'
);

/**
 * First match wins, so the order carries the meaning: exports and sign-ins are the strongest signals;
 * a read verb beats the object read; who-may-do-what beats who-exists; objects beat the bare CRUD verbs.
 */
const RULES: [Category, Test][] = [
	['data_export', either(any('export exports exported exporting takeout'), both(DOWNLOAD, any('report reports csv xlsx pdf')))],
	['system', phrase('rate limit', 'workflow run')],
	[
		'authentication',
		either(
			any(
				'login logins logon logout logoff signin signon signout signoff sso authenticate authenticated authentication ' +
					'auth unauth reauth reauthenticate mfa 2fa 2sv otp totp passkey webauthn lockout'
			),
			phrase('log in', 'logged in', 'log out', 'logged out', 'sign in', 'signed in', 'sign out', 'signed out', 'sign on')
		)
	],
	['data_access', READ_VERBS],
	['configuration', phrase('security group', 'traffic mirror', 'flow logs', 'delivery channel', 'event selectors', 'legal hold')],
	['authentication', phrase('access key', 'api key', 'api token', 'service key', 'public key', 'ssh key', 'access token', 'refresh token')],
	[
		'authorization',
		any(
			'permission permissions privilege privileges privileged role roles policy policies acl acls grant grants granted ' +
				'revoke revoked access sharing share shared admin admins administrator owner ownership promote promoted demote ' +
				'impersonation impersonate authorize authorized authorization scope scopes allowlist whitelist blocklist ' +
				'visibility public restriction restrictions barrier'
		)
	],
	[
		'authentication',
		any(
			'password passwords passwd credential credentials token tokens session sessions factor factors saml idp ' +
				'lock locked unlock recovery device devices enroll enrolled enrollment unenroll'
		)
	],
	['configuration', any('setting settings config configs configuration configurations configure configured preference preferences pref prefs')],
	[
		'integration',
		any(
			'integration integrations webhook webhooks hook hooks bot bots widget widgets plugin plugins extension ' +
				'extensions connector connectors marketplace install installed installation uninstall uninstalled mcp slackbot ' +
				'app apps application applications oauth oauth2 oidc'
		)
	],
	[
		'user_management',
		any(
			'user users member members membership memberships account accounts invite invited invites invitation ' +
				'invitations team teams group groups people person employee employees guest guests collaborator collaborators ' +
				'moderators seat seats scim suspend suspended unsuspend provision deprovision onboard offboard enduser'
		)
	],
	[
		'configuration',
		either(
			any(
				'option options workspace workspaces ws org orgs organization organizations organisation tenant ' +
					'timezone language languages multilanguage translation translations locale variable variables secret ' +
					'secrets environment domain domains theme branding feature features flag flags retention sla handover ' +
					'schedule trail logging encryption key keys kms firewall vpc subnet route routes gateway dns network ip ' +
					'ingress egress guardrail guardrails limit limits quota region llm backend persona provider providers voice ' +
					'preset presets ruleset rulesets dlp dependabot bucket buckets attribute attributes protected'
			),
			phrase('advanced security')
		)
	],
	[
		'system',
		any(
			'service services server servers system systems host hosts instance instances node nodes cluster clusters ' +
				'backup backups snapshot snapshots restore restored reboot restart restarted shutdown startup boot maintenance ' +
				'job jobs cron queue queues process daemon heartbeat db database databases replica failover deploy deployment ' +
				'deployments upgrade migration health container containers vm machine volume'
		)
	],
	['integration', any('api')],
	[
		'data_change',
		any(
			'create created creates creation add added adds insert inserted update updated updates edit edited modify ' +
				'modified change changed changes delete deleted deletes deletion remove removed removal destroy destroyed ' +
				'destruction trash trashed upload uploaded import imported replace replaced rename renamed publish published ' +
				'unpublish put copy copied move moved archive archived purge purged clear cleared clearance bulk write save ' +
				'saved submit submitted tag tagged push pushed merge merged transfer transferred set duplicate attach detach ' +
				'takeover activate activated deactivate deactivated enable enabled disable disabled opened closed reset ' +
				'document documents contact contacts chat chats message messages file files record records content ' +
				'conversation conversations item items'
		)
	]
];

const words = (tokens: string[]): Words => ({ tokens, padded: ` ${tokens.join(' ')} ` });

const FAILED = list('fail failed failure failures unsuccessful');

/**
 * The outcome of an event sent without one: a failure when the action says it failed
 * (`login_failed`, `LoginFailure`), else a success. Words that may name what someone else did
 * (`user_blocked`, `invite_rejected`) do not count.
 */
export const deriveOutcome = (action: string): 'success' | 'failure' => (nameTokens(action).some((t) => FAILED.has(t)) ? 'failure' : 'success');

// "reset_by_admin", "suspicious_activity_by_enduser": who did it says nothing about what was done.
function withoutAgent(tokens: string[]): string[] {
	const by = tokens.indexOf('by');
	return by > 0 ? tokens.slice(0, by) : tokens;
}

const EXACT = new Map(Object.entries(EXACT_NAMES).map(([name, c]) => [nameTokens(name).join(' '), c]));

const VAGUE: readonly Category[] = ['data_change', 'data_access', 'other'];

const firstMatch = (w: Words, ...skip: Category[]): Category =>
	RULES.find(([c, test]) => !skip.includes(c) && test(w))?.[0] ?? 'other';

/**
 * The category of an event sent without one. The target type only refines a vague verb
 * (`CREATED` on `user` is user management, `download` of a `report` an export), never a clear action,
 * and never into authentication: signing in is something an action says it does, while a target
 * (`chat_session`, `api_key`) is only what was acted on. A `bulk_delete` of chat sessions is a
 * deletion of content, and a failed `DELETED` of a session is not a failed sign-in.
 */
export function deriveCategory(action: string, targetType?: string): Category {
	const all = nameTokens(action);
	const exact = EXACT.get(all.join(' '));
	if (exact) return exact;
	const tokens = withoutAgent(all);
	const fromAction = firstMatch(words(tokens));
	const target = targetType ? nameTokens(targetType) : [];
	if (target.length === 0 || !VAGUE.includes(fromAction)) return fromAction;
	// A target type ending in "view" or "list" is a noun, so the read-verb rule is left out here.
	const refined = firstMatch(words([...tokens, ...target]), 'data_access', 'authentication');
	if (fromAction === 'data_access') return refined === 'data_export' ? refined : fromAction;
	return refined === 'other' ? fromAction : refined;
}
