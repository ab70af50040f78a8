import { randomBytes } from 'node:crypto';
import type { Config } from '../config';
import { recordAudit } from '../audit/record-audit';
import { hashPassword } from './passwords';
import { countUsers } from '../queries/users/count-users';
import { insertUser } from './users';

/**
 * With no users yet, creates the first administrator: from ADMIN_EMAIL and ADMIN_PASSWORD, or
 * as admin@localhost with a generated password that is returned to print once.
 */
export async function ensureFirstAdmin(config: Pick<Config, 'admin'>, now = new Date()): Promise<{ email: string; password?: string } | null> {
	if ((await countUsers()) > 0) return null;
	const email = config.admin.email ?? 'admin@localhost';
	const generated = config.admin.password ? undefined : randomBytes(12).toString('base64url');
	const user = await insertUser({ email, name: 'Administrator', role: 'admin', tenants: ['*'], passwordHash: await hashPassword(config.admin.password ?? generated!) }, now);
	await recordAudit({ actor: { id: 'trailscope', type: 'system', name: 'Trailscope' }, action: 'first_admin_created', category: 'system', target: { type: 'user', id: user.id, name: email }, reason: 'Created by the installation at its first start', changes: { before: null, after: { email, role: 'admin', tenants: ['*'], active: true } } }, now);
	return { email, password: generated };
}
