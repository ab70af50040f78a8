import type { PageServerLoad } from './$types';
import { error } from '@sveltejs/kit';
import { z } from 'zod';
import { actorOnlyOf, tenantScopeOf } from '$lib/server/auth/access';
import { getEvent } from '$lib/server/queries/events/get-event';
import type { EventOutput } from '$lib/server/queries/events/event-columns';

const EventId = z.uuid();

/** The same rule the timeline applies to a member (event-where's actorOnly): their email as actor id or email. */
const isActor = (e: EventOutput, email: string) => {
	const me = email.toLowerCase();
	return e.actor?.id?.toLowerCase() === me || e.actor?.email?.toLowerCase() === me;
};

/** The timeline's query string from `?back=`, re-encoded so the link can only lead to /events. */
function backHref(back: string | null): string {
	const qs = back ? new URLSearchParams(back.replace(/^\?/, '')).toString() : '';
	return qs ? `/events?${qs}` : '/events';
}

export const load = (async ({ params, locals, url }) => {
	const user = locals.user;
	if (!user) error(401, 'Please sign in');
	if (!EventId.safeParse(params.id).success) error(400, `"${params.id}" is not an event id (a UUID)`);
	const event = await getEvent(tenantScopeOf(user), params.id);
	const own = actorOnlyOf(user);
	// Someone else's event answers exactly like a missing one, so a member cannot probe for ids.
	if (!event || (own && !isActor(event, own))) error(404, 'No such event, or not one you may see');
	return { event, back: backHref(url.searchParams.get('back')) };
}) satisfies PageServerLoad;
