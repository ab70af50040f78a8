import { EventFilterSchema, filterParams, type EventFilter } from '../../schemas/event-filter';
import { canonicalTimeZone } from '../../schemas/time-zone';
import { problem } from './problem';

/** The event filter of a URL, or a 400 answer naming the first bad parameter. */
export function parseFilter(params: URLSearchParams): EventFilter | Response {
	const parsed = EventFilterSchema.safeParse(filterParams(params));
	if (parsed.success) return parsed.data;
	const issue = parsed.error.issues[0];
	const param = String(issue.path[0] ?? 'query');
	return problem(400, `${param}: ${issue.message}`, { parameter: param });
}

/** A time zone the engine and Intl both know, spelled as the engine needs, or null. */
export const parseTimeZone = (tz: string | null): string | null => canonicalTimeZone(tz ?? 'UTC');
