import { z } from 'zod';
import { ROLES } from './roles';

const tenant = z.string().regex(/^(\*|[A-Za-z0-9._:-]{1,128})$/, 'must be a tenant name, or * for every tenant');

export const NewUserSchema = z.object({
	email: z.email('must be an email address').max(320).transform((e) => e.toLowerCase()),
	name: z.string().trim().min(1, 'must not be empty').max(200),
	role: z.enum(ROLES, { message: 'must be admin, analyst, auditor or member' }),
	tenants: z.array(tenant).min(1, 'must list at least one tenant, or ["*"]').max(200),
	password: z.string().min(12, 'must be at least 12 characters').max(256).optional()
});
export type NewUserInput = z.infer<typeof NewUserSchema>;

export const UserPatchSchema = z
	.object({
		name: z.string().trim().min(1, 'must not be empty').max(200),
		role: z.enum(ROLES, { message: 'must be admin, analyst, auditor or member' }),
		tenants: z.array(tenant).min(1, 'must list at least one tenant, or ["*"]').max(200),
		active: z.boolean({ message: 'must be true or false' }),
		password: z.string().min(12, 'must be at least 12 characters').max(256)
	})
	.partial()
	.refine((p) => Object.keys(p).length > 0, 'name at least one of name, role, tenants, active, password');
export type UserPatch = z.infer<typeof UserPatchSchema>;

export const NewKeySchema = z.object({
	name: z.string().trim().min(1, 'must not be empty').max(200),
	scopes: z.array(z.enum(['ingest', 'read', 'admin'], { message: 'must be ingest, read or admin' })).min(1, 'must list at least one scope'),
	// null, '' or '*' for every tenant, as users' ["*"] reads.
	tenant: z
		.string()
		.regex(/^(\*|[A-Za-z0-9._:-]{0,128})$/, 'must be a tenant name, or * for every tenant')
		.nullable()
		.optional()
		.transform((t) => (t && t !== '*' ? t : null))
});
export type NewKeyInput = z.infer<typeof NewKeySchema>;
