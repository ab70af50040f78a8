import type { RequestHandler } from './$types';
import { callerOf } from '$lib/server/http/alert-caller';
import { jsonResponse } from '$lib/server/http/problem';
import { parseSealRange } from '$lib/server/http/seal-range';
import { periodBounds } from '$lib/server/seals/verify-range';
import { storeSource } from '$lib/server/seals/store-source';
import { getConfig } from '$lib/server/config';

/**
 * GET /api/v1/seals?tenant=&from=&to=: the seals of the range's periods, the seals they follow
 * (for the chain check) and the chain's extent: what `npm run verify` checks against the events.
 */
export const GET: RequestHandler = async ({ request, url, locals }) => {
	const range = parseSealRange(url, new Date());
	if (range instanceof Response) return range;
	const caller = await callerOf(request, locals.user, 'reports:read', [range.tenant], 'the seals of this tenant');
	if (caller instanceof Response) return caller;
	const src = storeSource(range.tenant);
	const b = periodBounds(range.from, range.to, getConfig().seals.periodMs);
	const seals = await src.seals(new Date(b.from), new Date(b.to));
	const have = new Set(seals.map((s) => s.seq));
	const before = await src.sealsBySeq([...new Set(seals.map((s) => s.seq - 1))].filter((q) => q >= 0 && !have.has(q)));
	const head = await src.head();
	return jsonResponse(200, {
		tenant: range.tenant,
		period_minutes: getConfig().seals.periodMs / 60_000,
		seals,
		predecessors: before,
		head: head && { first_period: new Date(head.firstPeriod).toISOString(), last_period_end: new Date(head.lastPeriodEnd).toISOString(), received_to: new Date(head.receivedTo).toISOString() }
	});
};
