import type { Category } from '../../schemas/event-input';

/**
 * Whole action names whose tokens would mislead the rules in categories.ts. Keys are matched after
 * tokenising, so `edit URL`, `edit_url` and `EditUrl` are one entry.
 */
export const EXACT_NAMES: Record<string, Category> = {
	// Seeds: chat sessions (seed 000, "Чат"), not sign-in sessions.
	session_create: 'data_change',
	session_delete: 'data_change',
	// Seeds: BotDistrikt's bare verbs; INVITED/ACCEPTED only ever concern team invitations.
	INVITED: 'user_management',
	ACCEPTED: 'user_management',
	// Seeds: listed under "Settings: Workspace / Handover / Web Chat", though the words look like content edits.
	'edit URL': 'configuration',
	'edit closing days': 'configuration',
	'edit web chat widget': 'configuration',
	// AWS STS hands out credentials: a sign-in, whatever the role or token words suggest.
	AssumeRole: 'authentication',
	AssumeRoleWithSAML: 'authentication',
	AssumeRoleWithWebIdentity: 'authentication',
	GetSessionToken: 'authentication',
	GetFederationToken: 'authentication',
	// A KMS decrypt reads protected data; an Athena query reads tables.
	Decrypt: 'data_access',
	StartQueryExecution: 'data_access',
	// "session" here is a Macie/VPC resource, not a sign-in.
	UpdateMacieSession: 'configuration',
	ModifyTrafficMirrorSession: 'configuration',
	SendCommand: 'system',
	// GitHub: giving a team a repository is a grant of access, not a membership change.
	'team.add_repository': 'authorization',
	'team.remove_repository': 'authorization',
	'team.update_repository_permission': 'authorization'
};

/** Names people put in `category` for each canonical value; compared without case, accents or punctuation. */
export const CATEGORY_ALIASES: Record<string, Category> = {
	...labels('authentication', [
		'auth', 'authn', 'login', 'logins', 'sign in', 'signin', 'sso', 'identity', 'authentification', 'аутентификация'
	]),
	...labels('authorization', [
		'authz', 'authorisation', 'permission', 'permissions', 'access', 'access control', 'security', 'roles',
		'privileges', 'acl', 'уровни доступа'
	]),
	...labels('user_management', [
		'user', 'users', 'team', 'teams', 'members', 'membership', 'user management', 'users management', 'accounts',
		'people', 'settings team', 'gestion des utilisateurs', 'управление пользователями'
	]),
	...labels('configuration', [
		'settings', 'setting', 'config', 'configuration', 'workspace', 'preferences', 'agent settings', 'agent settigns',
		'variables', 'settings workspace', 'settings handover', 'settings web chat', 'llm settings', 'tts settings',
		'paramètres', 'настройки', 'настройки llm', 'tts настройки'
	]),
	...labels('data_export', ['export', 'exports', 'exportation', 'exportations', 'экспорт']),
	...labels('data_access', ['read', 'reads', 'data read', 'views']),
	...labels('data_change', [
		'data', 'data changes', 'documents', 'builder', 'chat', 'chats', 'publish', 'publishing', 'content', 'crud', 'чат'
	]),
	...labels('integration', [
		'integrations', 'webhooks', 'bots', 'bots and widgets', 'apps', 'api', 'боты и виджеты'
	]),
	...labels('system', [
		'service control', 'services', 'system operations', 'server management', 'backup operations', 'backups',
		'opérations de sauvegarde', 'gestion des serveurs', 'opérations du système', 'управление сервисами'
	]),
	...labels('other', ['misc', 'miscellaneous', 'general'])
};

function labels(category: Category, names: string[]): Record<string, Category> {
	return Object.fromEntries(names.map((n) => [n, category]));
}
