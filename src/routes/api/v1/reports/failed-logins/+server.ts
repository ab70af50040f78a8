import type { RequestHandler } from './$types';
import { z } from 'zod';
import { TimeParam } from '$lib/schemas/event-filter';
import { jsonResponse, parameterProblem, problem } from '$lib/server/http/problem';
import { requireKey, scopeOf } from '$lib/server/http/require-key';
import { resolveTime } from '$lib/server/queries/events/time-range';
import { cidrRange } from '$lib/server/ingest/ip';
import { listFailedLoginsByIp } from '$lib/server/queries/reports/list-failed-logins-by-ip';

const Params = z.object({
	from: TimeParam.default('now-30d'),
	to: TimeParam.default('now'),
	tenant: z.string().min(1).max(128).optional(),
	ip: z.string().max(64).optional(),
	limit: z.coerce.number().int().min(1).max(1000).default(100)
});

export const GET: RequestHandler = async ({ request, url }) => {
	const key = await requireKey(request.headers.get('authorization'), 'read');
	if (key instanceof Response) return key;
	const parsed = Params.safeParse(Object.fromEntries(url.searchParams));
	if (!parsed.success) return parameterProblem(parsed.error);
	// An address or CIDR block, as on the timeline; a mistyped one is refused, never ignored.
	const ip = parsed.data.ip === undefined ? undefined : cidrRange(parsed.data.ip);
	if (ip === null) return problem(400, `ip: "${parsed.data.ip}" is not an IP address or CIDR block`, { parameter: 'ip' });
	const scope = scopeOf(key);
	const { tenant, limit } = parsed.data;
	if (tenant && scope !== '*' && !scope.includes(tenant)) return problem(403, `tenant: you have no access to tenant "${tenant}"`, { parameter: 'tenant' });
	const now = new Date();
	const from = resolveTime(parsed.data.from, now);
	const to = resolveTime(parsed.data.to, now);
	if (!(from < to)) return problem(400, 'from: must be before to', { parameter: 'from' });
	const rows = await listFailedLoginsByIp({ scope, tenant, from, to, timezone: 'UTC' }, limit, ip);
	const failed_logins_by_ip = rows.map((r) => ({ ...r, first_seen: r.first_seen.toISOString(), last_seen: r.last_seen.toISOString() }));
	return jsonResponse(200, { period: { from: from.toISOString(), to: to.toISOString() }, ...(parsed.data.ip ? { ip: parsed.data.ip } : {}), failed_logins_by_ip });
};
