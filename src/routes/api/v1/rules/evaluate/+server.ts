import type { RequestHandler } from './$types';
import { z } from 'zod';
import { TimeParam } from '$lib/schemas/event-filter';
import { resolveTime } from '$lib/server/queries/events/time-range';
import { problem } from '$lib/server/http/problem';
import { readOptionalBody } from '$lib/alerts/api.server';
import { runRuleJob } from '$lib/server/alerts/rule-job';
import { inBackground } from '$lib/server/clickhouse/lane';
import { callerOf } from '$lib/server/http/alert-caller';
import { jsonResponse } from '$lib/server/http/problem';
import { getMailer } from '$lib/server/mail/mailer';

// `since` (at most 7 days back) evaluates every window from then again: a re-run raises and sends nothing twice.
const Body = z.object({ since: TimeParam.optional() }).strict();

/** Runs an evaluation now (the windows due, as the schedule would), then sends what is due in the outbox. */
export const POST: RequestHandler = async ({ request, locals }) => {
	const caller = await callerOf(request, locals.user, 'settings:manage', '*', 'running the rules');
	if (caller instanceof Response) return caller;
	const body = await readOptionalBody(request, Body);
	if (!body.ok) return body.response;
	const now = new Date();
	const since = body.data.since ? resolveTime(body.data.since, now) : undefined;
	if (since && !(since.getTime() >= now.getTime() - 7 * 86_400_000 && since < now)) return problem(400, 'since: must be within the last 7 days', { parameter: 'since' });
	// On the background lane, as the scheduler's ticks: the timeline does not wait behind it.
	const r = await inBackground(() => runRuleJob(now, getMailer(), { rerunFrom: since }));
	return jsonResponse(200, {
		runs: r.runs.map((x) => ({ rule_id: x.ruleId, tenant: x.tenant, window_from: x.windowFrom.toISOString(), window_to: x.windowTo.toISOString(), windows: x.windows, duration_ms: x.durationMs, alerts_raised: x.alertsRaised, error: x.error || null })),
		alerts_raised: r.opened.length,
		alerts_extended: r.extended.length,
		emails_enqueued: r.enqueued,
		emails_sent: r.delivery.sent,
		errors: r.errors
	});
};
