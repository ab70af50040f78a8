import type { Actions, PageServerLoad } from './$types';
import { fail } from '@sveltejs/kit';
import { NewKeySchema } from '$lib/schemas/user';
import { listApiKeys } from '$lib/server/queries/keys/list-api-keys';
import { DomainError } from '$lib/server/auth/domain-error';
import { createKeyAudited, revokeKeyAudited } from '$lib/server/auth/manage-keys';
import { ADMINISTRATION } from '$lib/server/auth/authority';
import { pagePrincipal } from '$lib/admin/authority.server';
import { getConfig } from '$lib/server/config';
import { fieldMessages, sentence } from '$lib/admin/issues';
import { requestMetaOf } from '$lib/admin/request-meta';

const LABELS = { name: 'Name', scopes: 'Scopes', tenant: 'Tenant' };

const administrator = (locals: App.Locals) => pagePrincipal(locals, 'keys:manage', ADMINISTRATION, 'administering API keys');

export const load = (async ({ locals }) => {
	administrator(locals);
	return { keys: await listApiKeys(), envKey: !!getConfig().ingest.apiKey };
}) satisfies PageServerLoad;

const text = (form: FormData, name: string) => {
	const v = form.get(name);
	return typeof v === 'string' ? v.trim() : '';
};

export const actions = {
	create: async (event) => {
		const me = administrator(event.locals);
		const form = await event.request.formData();
		const values = { name: text(form, 'name'), scopes: form.getAll('scopes').map(String), tenant: text(form, 'tenant') };
		// An empty tenant field means a key for every tenant.
		const input = { ...values, tenant: values.tenant || null };
		const parsed = NewKeySchema.safeParse(input);
		if (!parsed.success) return fail(400, { create: { values, errors: fieldMessages(parsed.error, input, LABELS) } });
		try {
			const { key, secret } = await createKeyAudited(parsed.data, me, requestMetaOf(event));
			return { created: { name: key.name, secret } };
		} catch (e) {
			if (e instanceof DomainError) return fail(e.status, { create: { values, errors: { [e.field ?? 'form']: sentence(e.message) } } });
			throw e;
		}
	},
	revoke: async (event) => {
		const me = administrator(event.locals);
		const id = text(await event.request.formData(), 'id');
		try {
			await revokeKeyAudited(id, me, requestMetaOf(event));
			return { revoked: { id } };
		} catch (e) {
			if (e instanceof DomainError) return fail(e.status, { revokeFailed: { id, message: sentence(e.message) } });
			throw e;
		}
	}
} satisfies Actions;
