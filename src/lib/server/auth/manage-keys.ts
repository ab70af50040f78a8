import type { NewKeyInput } from '../../schemas/user';
import { recordAudit } from '../audit/record-audit';
import { createApiKey, revokeApiKey, type ApiKey } from './api-keys';
import { ADMINISTRATION, authorize, authorizeGrant, permissionsOfScopes, scopeOfTenants, type Principal } from './authority';
import { DomainError } from './domain-error';
import type { RequestMeta } from './manage-users';

/** Creates a key no wider than its creator and records it; the secret is returned this once. */
export async function createKeyAudited(input: NewKeyInput, principal: Principal, meta: RequestMeta, now = new Date()): Promise<{ key: ApiKey; secret: string }> {
	authorize(principal, 'keys:manage', ADMINISTRATION, 'administering API keys');
	const scopes = [...new Set(input.scopes)];
	authorizeGrant(principal, { permissions: permissionsOfScopes(scopes), tenants: scopeOfTenants(input.tenant ?? null) }, 'this key');
	const by = principal.actor;
	const created = await createApiKey({ name: input.name, scopes, tenant: input.tenant ?? null, createdBy: by.email ?? by.name ?? by.id }, now);
	const after = { name: created.key.name, scopes: created.key.scopes, tenant: created.key.tenant ?? '*', prefix: created.secret.slice(0, 8) };
	await recordAudit({ actor: by, action: 'api_key_created', category: 'authorization', target: { type: 'api_key', id: created.key.id, name: created.key.name }, changes: { before: null, after }, ...meta }, now);
	return created;
}

export async function revokeKeyAudited(id: string, principal: Principal, meta: RequestMeta, now = new Date()): Promise<void> {
	authorize(principal, 'keys:manage', ADMINISTRATION, 'administering API keys');
	const by = principal.actor;
	const before = await revokeApiKey(id, now);
	if (!before) throw new DomainError(404, 'no such API key');
	if (before.revoked_at) return;
	await recordAudit(
		{
			actor: by,
			action: 'api_key_revoked',
			category: 'authorization',
			target: { type: 'api_key', id, name: before.name },
			changes: { before: { name: before.name, scopes: before.scopes, tenant: before.tenant || '*', revoked: false }, after: { revoked: true } },
			...meta
		},
		now
	);
}
