import { eventsHref, eventsQuery, type Drill } from '../../reports/events-query';

/** Paths into the dashboard for a tenant's period; the email makes them absolute with APP_URL. */
export function monthLinks(tenant: string, month: string, from: Date, to: Date, timezone: string) {
	const period = { tenant, from: from.toISOString(), to: to.toISOString() };
	const events = (extra: Record<string, string | string[]> = {}) => {
		const p = new URLSearchParams(period);
		for (const [k, v] of Object.entries(extra)) for (const x of Array.isArray(v) ? v : [v]) p.append(k, x);
		return `/events?${p}`;
	};
	return {
		events,
		/** The month's events of a kind, by its filter in event-kinds.ts. */
		kind: (d: Drill) => eventsHref(eventsQuery({ from, to, tenant, timezone }, d)),
		event: (id: string) => `/events/${encodeURIComponent(id)}`,
		security: `/reports/security?${new URLSearchParams({ ...period, tz: timezone })}`,
		alerts: `/alerts?${new URLSearchParams({ tenant })}`,
		rule: (ruleId: string) => `/alerts?${new URLSearchParams({ tenant, rule_id: ruleId })}`,
		page: `/reports/monthly/${month}?${new URLSearchParams({ tenant })}`
	};
}
export type MonthLinks = ReturnType<typeof monthLinks>;
