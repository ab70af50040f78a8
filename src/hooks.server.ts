import type { Handle, HandleServerError, ServerInit } from '@sveltejs/kit';
import { randomUUID } from 'node:crypto';
import { ConfigError, getConfig } from '$lib/server/config';
import { closeClickHouse } from '$lib/server/clickhouse/client';
import { startup } from '$lib/server/startup/startup';
import { startScheduler } from '../jobs/scheduler';
import { resumeSession } from '$lib/server/auth/sessions';
import { toUser } from '$lib/server/auth/users';
import { getUserById } from '$lib/server/queries/users/get-user-by-id';
import { SESSION_COOKIE, sessionCookieOptions } from '$lib/server/auth/cookies';
import { crossOriginRefusal } from '$lib/server/http/same-origin';
import { problem } from '$lib/server/http/problem';

/** A wrong setting stops the start with what to fix, not a stack trace. */
function configOrExit() {
	try {
		return getConfig();
	} catch (e) {
		if (!(e instanceof ConfigError)) throw e;
		console.error(`Trailscope: ${e.message}`);
		process.exit(1);
	}
}

export const init: ServerInit = async () => {
	const config = configOrExit();
	const report = await startup();
	const where = config.clickhouse.mode === 'embedded' ? `embedded ClickHouse in ${config.clickhouse.path}` : `ClickHouse at ${config.clickhouse.url}`;
	console.log(`Trailscope: store is ${where}; ${report.migrations} migration(s) applied`);
	if (report.demoEvents > 0) console.log(`Trailscope: loaded ${report.demoEvents} demo events (SEED_DEMO=false skips this); the rules raised ${report.demoAlerts} alert(s) on them`);
	if (report.bootstrapSecret) {
		console.log(`\nTrailscope: created an API key with every scope. It is shown this once; keep it:\n\n    ${report.bootstrapSecret}\n`);
	}
	const scheduler = config.jobs ? startScheduler() : null;
	if (report.firstAdmin?.password) {
		console.log(`Trailscope: created the first administrator. Sign in as ${report.firstAdmin.email} with this password, shown this once:\n\n    ${report.firstAdmin.password}\n`);
	} else if (report.firstAdmin) console.log(`Trailscope: created the first administrator, ${report.firstAdmin.email} (password from ADMIN_PASSWORD)`);
	console.log(`Trailscope: open ${config.http.appUrl}`);
	// adapter-node stops accepting on SIGTERM/SIGINT, lets requests in flight finish (their events
	// are stored before they are answered), then emits this; only then is the store closed.
	process.once('sveltekit:shutdown', () => {
		void Promise.resolve(scheduler?.stop())
			.then(closeClickHouse)
			.finally(() => process.exit(0));
	});
};

const SECURITY_HEADERS: Record<string, string> = {
	'x-content-type-options': 'nosniff',
	'x-frame-options': 'DENY',
	'referrer-policy': 'strict-origin-when-cross-origin'
};

async function sessionUser(token: string | undefined) {
	if (!token) return null;
	const config = getConfig();
	const session = await resumeSession(token, config.sessions, new Date());
	if (!session.userId) return null;
	const stored = await getUserById(session.userId);
	return stored?.active ? toUser(stored) : null;
}

export const handle: Handle = async ({ event, resolve }) => {
	const token = event.cookies.get(SESSION_COOKIE);
	event.locals.user = await sessionUser(token);
	event.locals.sessionToken = event.locals.user ? (token ?? null) : null;
	if (token && !event.locals.user) event.cookies.delete(SESSION_COOKIE, sessionCookieOptions(getConfig().secureCookies));
	const refusal = event.locals.user ? crossOriginRefusal(event.request.method, event.request.headers, event.url.origin) : null;
	const response = refusal ? problem(403, refusal) : await resolve(event);
	for (const [k, v] of Object.entries(SECURITY_HEADERS)) if (!response.headers.has(k)) response.headers.set(k, v);
	return response;
};

export const handleError: HandleServerError = ({ error, status, message }) => {
	if (status === 404) return { message };
	const errorId = randomUUID();
	console.error(`error ${errorId}:`, error);
	return { message: 'Something went wrong on the server', errorId };
};
