import type { NewKeyInput } from '../../schemas/user';
import { recordAudit, type AuditActor } from '../audit/record-audit';
import { createApiKey, revokeApiKey, type ApiKey } from './api-keys';
import { DomainError } from './domain-error';
import type { RequestMeta } from './manage-users';

/** Creates a key and records it; the secret is returned this once. */
export async function createKeyAudited(input: NewKeyInput, by: AuditActor, meta: RequestMeta, now = new Date()): Promise<{ key: ApiKey; secret: string }> {
	const created = await createApiKey({ name: input.name, scopes: [...new Set(input.scopes)], tenant: input.tenant ?? null, createdBy: by.email ?? by.name ?? by.id }, now);
	const after = { name: created.key.name, scopes: created.key.scopes, tenant: created.key.tenant ?? '*', prefix: created.secret.slice(0, 8) };
	await recordAudit({ actor: by, action: 'api_key_created', category: 'authorization', target: { type: 'api_key', id: created.key.id, name: created.key.name }, changes: { before: null, after }, ...meta }, now);
	return created;
}

export async function revokeKeyAudited(id: string, by: AuditActor, meta: RequestMeta, now = new Date()): Promise<void> {
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
