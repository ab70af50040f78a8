import type { RequestHandler } from './$types';
import { z } from 'zod';
import { SubjectFilterSchema, TimeParam } from '$lib/schemas/event-filter';
import { TimeZoneSchema } from '$lib/schemas/time-zone';
import { resolvePeriod } from '$lib/reports/periods';
import { jsonResponse, problem } from '$lib/server/http/problem';
import { resolveTime } from '$lib/server/queries/events/time-range';
import { reportScope } from '$lib/server/reports/report-access';
import { ReportError } from '$lib/server/reports/report-query';
import { getSecurityReport } from '$lib/server/reports/security-report';

const Params = z.object({
	tenant: z.string().trim().min(1).max(128).optional(),
	from: TimeParam.optional(),
	to: TimeParam.optional(),
	/** A calendar month of the zone, `YYYY-MM`, instead of from and to. */
	month: z.string().optional(),
	tz: TimeZoneSchema.default('UTC'),
	// The timeline's ip (address or CIDR), actor and source filters, parsed by its own schema.
	...SubjectFilterSchema.shape
});

const bad = (param: string, message: string) => problem(400, `${param}: ${message}`, { parameter: param });

/** GET /api/v1/reports/security?tenant=&from=&to=&tz= (or &month=YYYY-MM), optionally &ip=&actor=&source=: the security report as JSON. */
export const GET: RequestHandler = async ({ request, url, locals }) => {
	const scope = await reportScope(request.headers.get('authorization'), locals.user);
	if (scope instanceof Response) return scope;
	const known = new Set(Object.keys(Params.shape));
	const unknown = [...url.searchParams.keys()].find((k) => !known.has(k));
	if (unknown) return bad(unknown, `is not a parameter of this report; use ${[...known].join(', ')}`);
	const parsed = Params.safeParse(Object.fromEntries(url.searchParams));
	if (!parsed.success) return bad(String(parsed.error.issues[0].path[0] ?? 'query'), parsed.error.issues[0].message);
	const { tenant, tz, month, ip, actor, source } = parsed.data;
	const now = new Date();
	let from = resolveTime(parsed.data.from ?? 'now-30d', now);
	let to = resolveTime(parsed.data.to ?? 'now', now);
	if (month !== undefined) {
		if (parsed.data.from || parsed.data.to) return bad('month', 'give either month or from and to, not both');
		const p = resolvePeriod({ period: 'month', month, tz }, now);
		if ('param' in p) return bad(p.param, p.message);
		({ from, to } = p);
	}
	try {
		const report = await getSecurityReport({ scope, tenant, from, to, timezone: tz, filter: { ip, actor, source } });
		return jsonResponse(200, report);
	} catch (e) {
		if (e instanceof ReportError) return e.param === 'tenant' ? problem(403, e.message, { parameter: 'tenant' }) : bad(e.param, e.message.slice(e.param.length + 2));
		throw e;
	}
};
