import type { Actions, PageServerLoad } from './$types';
import { fail, redirect } from '@sveltejs/kit';
import { z } from 'zod';
import { getConfig } from '$lib/server/config';
import { signIn } from '$lib/server/auth/sign-in';
import { SESSION_COOKIE, sessionCookieOptions } from '$lib/server/auth/cookies';
import { localPath as safeNext } from '$lib/server/http/local-path';

export const load = (async ({ locals, url }) => {
	if (locals.user) redirect(303, safeNext(url.searchParams.get('next')));
	return { next: safeNext(url.searchParams.get('next')) };
}) satisfies PageServerLoad;

const Form = z.object({ email: z.string().trim().min(1).max(320), password: z.string().min(1).max(1024) });

export const actions = {
	default: async ({ request, cookies, getClientAddress, setHeaders, url }) => {
		const data = Object.fromEntries(await request.formData());
		const form = Form.safeParse(data);
		const email = typeof data.email === 'string' ? data.email.slice(0, 320) : '';
		if (!form.success) return fail(400, { email, message: 'Enter your email and password.' });
		const config = getConfig();
		const result = await signIn({ ...form.data, ip: getClientAddress(), userAgent: request.headers.get('user-agent') ?? '', now: new Date() }, config);
		if (!result.ok) {
			if (result.status === 429) setHeaders({ 'retry-after': String(result.retryAfterSeconds) });
			return fail(result.status, { email, message: result.message });
		}
		cookies.set(SESSION_COOKIE, result.token, { ...sessionCookieOptions(config.secureCookies), maxAge: config.sessions.absoluteHours * 3600 });
		redirect(303, safeNext(url.searchParams.get('next')));
	}
} satisfies Actions;
