import { authenticateKey, hasScope, type ApiKey, type Scope } from '../auth/api-keys';
import { problem } from './problem';

/** The API key of a request with the scope it needs, or the answer to send instead (401/403). */
export async function requireKey(authorization: string | null, scope: Scope): Promise<ApiKey | Response> {
	const m = /^Bearer\s+(\S+)\s*$/i.exec(authorization ?? '');
	if (!m) return problem(401, 'send an API key as "Authorization: Bearer <key>"', {}, { 'www-authenticate': 'Bearer realm="trailscope"' });
	const key = await authenticateKey(m[1]);
	if (!key) return problem(401, 'unknown or revoked API key', {}, { 'www-authenticate': 'Bearer realm="trailscope", error="invalid_token"' });
	if (!hasScope(key, scope)) return problem(403, `this API key lacks the "${scope}" scope`);
	return key;
}

export const scopeOf = (key: ApiKey) => (key.tenant ? [key.tenant] : ('*' as const));
