import type { ZodType } from 'zod';
import type { AuditActor } from '$lib/server/audit/record-audit';
import type { ApiKey } from '$lib/server/auth/api-keys';
import { principalOfKey, type Principal } from '$lib/server/auth/authority';
import type { RequestMeta } from '$lib/server/auth/manage-users';
import { DomainError } from '$lib/server/auth/domain-error';
import { problem } from '$lib/server/http/problem';
import { readBodyLimited } from '$lib/server/http/read-body';
import { nestsDeeperThan, TOO_DEEP } from '$lib/server/http/json-depth';
import { requireKey } from '$lib/server/http/require-key';
import { firstIssue } from './issues';
import { requestMetaOf } from './request-meta';

// A user or key is a few hundred bytes; anything near this is a mistake, not a provisioning call.
const MAX_ADMIN_BODY = 64 * 1024;

/**
 * The admin key of a request, or the answer to send instead. A key bound to one tenant may not
 * administer users or keys: those reach every tenant, so it could grant itself the others.
 */
export async function requireAdminKey(request: Request): Promise<ApiKey | Response> {
	const key = await requireKey(request.headers.get('authorization'), 'admin');
	if (key instanceof Response || !key.tenant) return key;
	return problem(403, `this API key is bound to the tenant "${key.tenant}"; administering users and keys needs an admin key for all tenants`);
}

export const keyActor = (key: ApiKey): AuditActor => ({ id: key.id, name: key.name, type: 'api_key' });

/** A JSON body checked against a schema, or a 400/413 answer naming what is wrong. */
export async function readJsonBody<T>(request: Request, schema: ZodType<T>): Promise<{ ok: true; data: T } | { ok: false; response: Response }> {
	const body = await readBodyLimited(request.body, MAX_ADMIN_BODY);
	if (!body.ok) return { ok: false, response: problem(413, `the body is over ${MAX_ADMIN_BODY / 1024} KB`) };
	if (!body.text.trim()) return { ok: false, response: problem(400, 'send a JSON object as the body') };
	if (nestsDeeperThan(body.text)) return { ok: false, response: problem(400, TOO_DEEP) };
	let value: unknown;
	try {
		value = JSON.parse(body.text);
	} catch (e) {
		return { ok: false, response: problem(400, `the body is not valid JSON: ${(e as Error).message}`) };
	}
	if (!value || typeof value !== 'object' || Array.isArray(value)) return { ok: false, response: problem(400, 'the body must be a JSON object') };
	const parsed = schema.safeParse(value);
	if (parsed.success) return { ok: true, data: parsed.data };
	const issue = firstIssue(parsed.error, value);
	return { ok: false, response: problem(400, issue.message, issue.field ? { field: issue.field } : {}) };
}

/** A refusal from the domain as an API answer; anything else is a fault and is thrown on. */
export function domainProblem(e: unknown): Response {
	if (e instanceof DomainError) return problem(e.status, e.message, e.field ? { field: e.field } : {});
	throw e;
}

/**
 * An administrator's write through the API: the admin key, the body checked against `schema`,
 * and a refusal from the domain answered as such; `write` gets the body, who asks, and from where.
 */
export async function adminWrite<T>(
	event: { request: Request; getClientAddress(): string },
	schema: ZodType<T>,
	write: (data: T, by: Principal, meta: RequestMeta) => Promise<Response>
): Promise<Response> {
	const key = await requireAdminKey(event.request);
	if (key instanceof Response) return key;
	const body = await readJsonBody(event.request, schema);
	if (!body.ok) return body.response;
	try {
		return await write(body.data, principalOfKey(key), requestMetaOf(event));
	} catch (e) {
		return domainProblem(e);
	}
}
