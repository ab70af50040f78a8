import type { RequestHandler } from './$types';
import { redirect } from '@sveltejs/kit';
import { getConfig } from '$lib/server/config';
import { recordAudit } from '$lib/server/audit/record-audit';
import { auditActorOf } from '$lib/server/auth/access';
import { SESSION_COOKIE, sessionCookieOptions } from '$lib/server/auth/cookies';
import { revokeSession } from '$lib/server/auth/sessions';

export const POST: RequestHandler = async ({ locals, cookies, getClientAddress, request }) => {
	const now = new Date();
	if (locals.user && locals.sessionToken) {
		await revokeSession(locals.sessionToken, now);
		await recordAudit({ actor: auditActorOf(locals.user), action: 'logout', category: 'authentication', ip: getClientAddress(), userAgent: request.headers.get('user-agent') ?? '' }, now);
	}
	cookies.delete(SESSION_COOKIE, sessionCookieOptions(getConfig().secureCookies));
	redirect(303, '/login');
};
