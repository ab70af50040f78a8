import { EventFilterSchema } from '$lib/schemas/event-filter';
import { TIMELINE_DEFAULT_FROM } from '$lib/server/export/session-export';
import type { EventOutput } from '$lib/schemas/event-output';
import type { EventPage } from '$lib/server/queries/events/list-events';
import type { FilterSuggestions } from '$lib/server/queries/events/list-filter-suggestions';
import type { Histogram } from '$lib/server/queries/events/get-histogram';

/**
 * The timeline's data when one filter cannot be read: no events, the other filters as they were
 * (so the form keeps them), the bad value as typed, and which parameter is wrong and why.
 */
export function invalidFilterPage(raw: Record<string, unknown>, param: string, message: string, zones: { timeZone: string; defaultZone: string; zones: string[] }, own: boolean) {
	const rest = { ...raw };
	delete rest[param];
	const kept = EventFilterSchema.safeParse(rest);
	const base = kept.success ? kept.data : EventFilterSchema.parse({ from: TIMELINE_DEFAULT_FROM, tenant: raw.tenant });
	const filter: Record<string, unknown> & typeof base = { ...base, cursor: undefined, dir: undefined };
	if (typeof raw[param] === 'string') filter[param] = raw[param];
	return {
		page: { events: [], next_cursor: null, prev_cursor: null } as EventPage,
		histogram: { buckets: [], interval: '1h', timezone: zones.timeZone, total: 0, intervalMs: 3600e3 } as Histogram & { intervalMs: number },
		filter,
		filterError: { param, message },
		suggestions: { actions: [], actors: [], sources: [] } as FilterSuggestions,
		...zones,
		own,
		open: null as EventOutput | null,
		openMissing: false
	};
}
