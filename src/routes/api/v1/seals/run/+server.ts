import type { RequestHandler } from './$types';
import { callerOf } from '$lib/server/http/alert-caller';
import { jsonResponse } from '$lib/server/http/problem';
import { runSeals } from '$lib/server/seals/run-seals';

/**
 * POST /api/v1/seals/run (admin): seals what is due now, verifies the recent periods and raises
 * alerts for failures; `?verify=0` only seals (the benchmark times sealing alone).
 */
export const POST: RequestHandler = async ({ request, url, locals }) => {
	const caller = await callerOf(request, locals.user, 'settings:manage', '*', 'sealing every tenant');
	if (caller instanceof Response) return caller;
	const r = await runSeals(new Date(), { verify: url.searchParams.get('verify') !== '0' });
	return jsonResponse(200, {
		seals_written: r.seals.length,
		seals: r.seals.map((s) => ({ tenant: s.tenant, seq: s.seq, kind: s.kind, period_start: s.periodStart, events: s.events })),
		verified: r.verified.map((v) => ({ tenant: v.tenant, from: v.from, to: v.to, verified: v.verified, failed: v.failed })),
		chains_cut: r.broken.map((b) => ({ tenant: b.tenant, expected_seq: b.expected.seq, found_seq: b.found?.seq ?? null })),
		integrity_alerts: r.alerts
	});
};
