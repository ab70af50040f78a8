import { z } from 'zod';
import { ROLES } from '../../../schemas/roles';

export const UserRow = z.object({
	id: z.string(),
	email: z.string(),
	name: z.string(),
	role: z.enum(ROLES),
	tenants: z.array(z.string()),
	password_hash: z.string(),
	active: z.coerce.boolean(),
	created_at: z.string(),
	updated_at: z.string()
});
export type StoredUser = z.infer<typeof UserRow>;

export const USER_COLUMNS = `id, email, name, toString(role) AS role, tenants, password_hash, active, toString(created_at) AS created_at, toString(updated_at) AS updated_at`;
