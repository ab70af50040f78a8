/** How an action's event is shaped: which outcome model, and what details or changes it carries. */
export type Kind =
	| 'plain'
	| 'signin'
	| 'mfa'
	| 'denied'
	| 'pending'
	| 'role'
	| 'settings'
	| 'update'
	| 'delete'
	| 'bulk_delete'
	| 'export'
	| 'search'
	| 'delivery'
	| 'ratelimit';

export interface ActionDef {
	action: string;
	category: string;
	/** Relative frequency. */
	weight: number;
	target: string;
	kind: Kind;
}

const a = (action: string, category: string, weight: number, target: string, kind: Kind = 'plain'): ActionDef => ({ action, category, weight, target, kind });

/** About fifty actions across the categories, weighted roughly as a SaaS product's audit log is. */
export const ACTIONS: ActionDef[] = [
	a('user.login', 'authentication', 10, 'user', 'signin'),
	a('user.logout', 'authentication', 4, 'user'),
	a('user.sso_login', 'authentication', 3, 'user', 'signin'),
	a('user.mfa_challenge', 'authentication', 2, 'user', 'mfa'),
	a('user.password_changed', 'authentication', 0.3, 'user'),
	a('user.password_reset_requested', 'authentication', 0.3, 'user'),
	a('session.expired', 'authentication', 2, 'session'),
	a('api_token.used', 'authentication', 3, 'api_token'),
	a('user.mfa_enrolled', 'authentication', 0.1, 'user'),
	a('api_key.created', 'authentication', 0.1, 'api_key'),
	a('permission.denied', 'authorization', 1.5, 'document', 'denied'),
	a('role.assigned', 'authorization', 0.3, 'user', 'role'),
	a('role.revoked', 'authorization', 0.2, 'user', 'role'),
	a('access_request.created', 'authorization', 0.5, 'workspace', 'pending'),
	a('access_request.approved', 'authorization', 0.4, 'workspace'),
	a('user.invited', 'user_management', 0.5, 'user'),
	a('user.created', 'user_management', 0.4, 'user'),
	a('user.deactivated', 'user_management', 0.1, 'user'),
	a('user.deleted', 'user_management', 0.05, 'user', 'delete'),
	a('team.member_added', 'user_management', 0.4, 'team'),
	a('team.member_removed', 'user_management', 0.2, 'team'),
	a('user.profile_updated', 'user_management', 0.6, 'user', 'update'),
	a('settings.updated', 'configuration', 0.8, 'workspace', 'settings'),
	a('workspace.settings_changed', 'configuration', 0.4, 'workspace', 'settings'),
	a('sso.configured', 'configuration', 0.02, 'workspace', 'settings'),
	a('retention.policy_changed', 'configuration', 0.02, 'workspace', 'settings'),
	a('webhook.created', 'configuration', 0.1, 'webhook'),
	a('webhook.deleted', 'configuration', 0.05, 'webhook', 'delete'),
	a('ip_allowlist.updated', 'configuration', 0.05, 'workspace', 'settings'),
	a('document.viewed', 'data_access', 14, 'document'),
	a('report.viewed', 'data_access', 5, 'report'),
	a('contact.viewed', 'data_access', 6, 'contact'),
	a('search.performed', 'data_access', 4, 'index', 'search'),
	a('file.downloaded', 'data_access', 2, 'file'),
	a('report.exported', 'data_export', 0.7, 'report', 'export'),
	a('contacts.exported', 'data_export', 0.4, 'contact_list', 'export'),
	a('audit_log.exported', 'data_export', 0.1, 'audit_log', 'export'),
	a('data.takeout_requested', 'data_export', 0.05, 'workspace', 'export'),
	a('document.created', 'data_change', 5, 'document'),
	a('document.updated', 'data_change', 9, 'document', 'update'),
	a('document.deleted', 'data_change', 1, 'document', 'delete'),
	a('contact.updated', 'data_change', 4, 'contact', 'update'),
	a('contact.deleted', 'data_change', 0.5, 'contact', 'delete'),
	a('record.bulk_deleted', 'data_change', 0.05, 'record_set', 'bulk_delete'),
	a('invoice.created', 'data_change', 1.5, 'invoice'),
	a('comment.posted', 'data_change', 4, 'comment'),
	a('integration.connected', 'integration', 0.05, 'integration'),
	a('integration.disconnected', 'integration', 0.03, 'integration'),
	a('bot.message_sent', 'integration', 3, 'channel'),
	a('webhook.delivered', 'integration', 2, 'webhook', 'delivery'),
	a('system.job_completed', 'system', 1, 'job'),
	a('system.backup_completed', 'system', 0.1, 'backup'),
	a('rate_limit.exceeded', 'system', 0.3, 'api', 'ratelimit')
];
