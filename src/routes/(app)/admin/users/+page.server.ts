import type { Actions, PageServerLoad, RequestEvent } from './$types';
import { fail } from '@sveltejs/kit';
import { NewUserSchema, UserPatchSchema } from '$lib/schemas/user';
import { ROLE_LABELS } from '$lib/schemas/roles';
import { ADMINISTRATION } from '$lib/server/auth/authority';
import { pagePrincipal } from '$lib/admin/authority.server';
import { DomainError } from '$lib/server/auth/domain-error';
import { createUserAccount, updateUserAccount } from '$lib/server/auth/manage-users';
import { toUser, type User } from '$lib/server/auth/users';
import { getUserById } from '$lib/server/queries/users/get-user-by-id';
import { listUsers } from '$lib/server/queries/users/list-users';
import { fieldMessages, sentence } from '$lib/admin/issues';
import { requestMetaOf } from '$lib/admin/request-meta';
import { describeTenants, parseTenants } from '$lib/admin/tenants';

const LABELS = { email: 'Email', name: 'Name', role: 'Role', tenants: 'Tenants', password: 'Password', active: 'Active' };

const administrator = (locals: App.Locals) => pagePrincipal(locals, 'users:manage', ADMINISTRATION, 'administering users');

export const load = (async ({ locals }) => {
	const me = administrator(locals);
	return { users: (await listUsers()).map(toUser), me: me.actor.id };
}) satisfies PageServerLoad;

const text = (form: FormData, name: string) => {
	const v = form.get(name);
	return typeof v === 'string' ? v : '';
};

/** Applies a change from one row of the table; every answer names the row it belongs to. */
async function changeUser(event: RequestEvent, patchOf: (form: FormData, current: User) => Record<string, unknown> | null) {
	const me = administrator(event.locals);
	const form = await event.request.formData();
	const id = text(form, 'id');
	const stored = await getUserById(id);
	if (!stored) return fail(404, { row: { id, message: 'This user no longer exists; reload the page.' } });
	const current = toUser(stored);
	// Changing your own rights ends your own session; another administrator does it deliberately.
	if (id === me.actor.id) return fail(409, { row: { id, message: 'You cannot change your own role, tenants or access here; ask another administrator.' } });
	const input = patchOf(form, current);
	if (!input) return { row: { id, done: `Nothing to change for ${current.email}.` } };
	const parsed = UserPatchSchema.safeParse(input);
	if (!parsed.success) return fail(400, { row: { id, message: Object.values(fieldMessages(parsed.error, input, LABELS)).join(' ') } });
	try {
		const user = await updateUserAccount(id, parsed.data, me, requestMetaOf(event));
		const what = user.active ? `${ROLE_LABELS[user.role]}, ${describeTenants(user.tenants)}` : 'deactivated; their sessions have ended';
		return { row: { id, done: `Saved: ${user.email} is ${what}.` } };
	} catch (e) {
		if (e instanceof DomainError) return fail(e.status, { row: { id, message: sentence(e.message) } });
		throw e;
	}
}

export const actions = {
	create: async (event) => {
		const me = administrator(event.locals);
		const form = await event.request.formData();
		// What is sent back to refill the form; never the password.
		const values = { email: text(form, 'email').trim(), name: text(form, 'name'), role: text(form, 'role'), tenants: text(form, 'tenants') };
		const input = { ...values, tenants: parseTenants(values.tenants), password: text(form, 'password') || undefined };
		const parsed = NewUserSchema.safeParse(input);
		if (!parsed.success) return fail(400, { create: { values, errors: fieldMessages(parsed.error, input, LABELS) } });
		try {
			const { user, generatedPassword } = await createUserAccount(parsed.data, me, requestMetaOf(event));
			return { created: { email: user.email, password: generatedPassword } };
		} catch (e) {
			if (e instanceof DomainError) return fail(e.status, { create: { values, errors: { [e.field ?? 'form']: sentence(e.message) } } });
			throw e;
		}
	},
	update: (event) =>
		changeUser(event, (form, current) => {
			const role = text(form, 'role');
			const tenants = parseTenants(text(form, 'tenants'));
			const patch: Record<string, unknown> = {};
			if (role !== current.role) patch.role = role;
			// Only a different set of tenants is a change; the order they were typed in is not.
			if ([...tenants].sort().join() !== [...current.tenants].sort().join()) patch.tenants = tenants;
			return Object.keys(patch).length ? patch : null;
		}),
	setActive: (event) =>
		changeUser(event, (form, current) => {
			const active = text(form, 'active') === 'true';
			return active === current.active ? null : { active };
		})
} satisfies Actions;
