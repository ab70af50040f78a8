/** At most this many event ids are kept per alert and put in its timeline link. */
export const MAX_EVIDENCE_IDS = 100;

/**
 * The timeline filtered to exactly an alert's events: its tenant, a period around them, and
 * their ids (the timeline's `f=id:in:` operator filter). Relative to the app; prefix APP_URL for email.
 */
export function evidenceHref(a: { tenant: string; eventIds: readonly string[]; windowStart: Date | string; lastSeen: Date | string }): string {
	const from = new Date(a.windowStart);
	const to = new Date(new Date(a.lastSeen).getTime() + 1);
	const p = new URLSearchParams({ tenant: a.tenant, from: from.toISOString(), to: to.toISOString() });
	p.append('f', `id:in:${a.eventIds.slice(0, MAX_EVIDENCE_IDS).join(',')}`);
	return `/events?${p}`;
}

export const alertHref = (id: string) => `/alerts/${encodeURIComponent(id)}`;
