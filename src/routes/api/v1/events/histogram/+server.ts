import type { RequestHandler } from './$types';
import { jsonResponse, problem } from '$lib/server/http/problem';
import { parseFilter, parseTimeZone } from '$lib/server/http/parse-filter';
import { notATimeZone } from '$lib/schemas/time-zone';
import { requireKey, scopeOf } from '$lib/server/http/require-key';
import { FilterError } from '$lib/server/queries/events/event-where';
import { getHistogram, INTERVALS, type Interval } from '$lib/server/queries/events/get-histogram';

export const GET: RequestHandler = async ({ request, url }) => {
	const key = await requireKey(request.headers.get('authorization'), 'read');
	if (key instanceof Response) return key;
	const filter = parseFilter(url.searchParams);
	if (filter instanceof Response) return filter;
	const interval = url.searchParams.get('interval') ?? 'auto';
	if (interval !== 'auto' && !(interval in INTERVALS))
		return problem(400, `interval: use auto or one of ${Object.keys(INTERVALS).join(', ')}`, { parameter: 'interval' });
	const timezone = parseTimeZone(url.searchParams.get('tz'));
	if (!timezone) return problem(400, `tz: ${notATimeZone(url.searchParams.get('tz') ?? '')}`, { parameter: 'tz' });
	try {
		const opts = { interval: interval === 'auto' ? undefined : (interval as Interval), timezone };
		return jsonResponse(200, await getHistogram(scopeOf(key), filter, new Date(), opts));
	} catch (e) {
		if (e instanceof FilterError) return problem(e.param === 'tenant' ? 403 : 400, e.message, { parameter: e.param });
		throw e;
	}
};
