import type { RequestHandler } from './$types';
import { z } from 'zod';
import { SubjectFilterSchema, TimeParam } from '$lib/schemas/event-filter';
import { jsonResponse, parameterProblem, problem } from '$lib/server/http/problem';
import { requireKey, scopeOf } from '$lib/server/http/require-key';
import { resolveTime } from '$lib/server/queries/events/time-range';
import { checkReportQuery, ReportError } from '$lib/server/reports/report-query';
import { listFailedLoginsByIp } from '$lib/server/queries/reports/list-failed-logins-by-ip';

const Params = z.object({
	from: TimeParam.default('now-30d'),
	to: TimeParam.default('now'),
	tenant: z.string().min(1).max(128).optional(),
	limit: z.coerce.number().int().min(1).max(1000).default(100),
	// The timeline's ip (address or CIDR), actor and source filters: a mistyped one is refused, never ignored.
	...SubjectFilterSchema.shape
});

export const GET: RequestHandler = async ({ request, url }) => {
	const key = await requireKey(request.headers.get('authorization'), 'read');
	if (key instanceof Response) return key;
	const parsed = Params.safeParse(Object.fromEntries(url.searchParams));
	if (!parsed.success) return parameterProblem(parsed.error);
	const { tenant, limit, ip, actor, source } = parsed.data;
	const now = new Date();
	const q = { scope: scopeOf(key), tenant, from: resolveTime(parsed.data.from, now), to: resolveTime(parsed.data.to, now), timezone: 'UTC', filter: { ip, actor, source } };
	try {
		checkReportQuery(q);
	} catch (e) {
		if (e instanceof ReportError) return e.param === 'tenant' ? problem(403, e.message, { parameter: 'tenant' }) : problem(400, e.message, { parameter: e.param });
		throw e;
	}
	const rows = await listFailedLoginsByIp(q, limit);
	const failed_logins_by_ip = rows.map((r) => ({ ...r, first_seen: r.first_seen.toISOString(), last_seen: r.last_seen.toISOString() }));
	const filter = Object.fromEntries(Object.entries(q.filter).filter(([, v]) => v !== undefined));
	return jsonResponse(200, { period: { from: q.from.toISOString(), to: q.to.toISOString() }, ...filter, failed_logins_by_ip });
};
