/** At most this many event ids are kept per alert as its sample. */
export const MAX_EVIDENCE_IDS = 100;

/**
 * The timeline filtered to exactly an alert's events: its rule's filter, group and span (the
 * alert's `evidenceQuery`). Alerts written before that existed link their sampled ids instead.
 * Relative to the app; prefix APP_URL for email.
 */
export function evidenceHref(a: { evidenceQuery?: string; tenant: string; eventIds: readonly string[]; windowStart: Date | string; lastSeen: Date | string }): string {
	if (a.evidenceQuery) return `/events?${a.evidenceQuery}`;
	const from = new Date(a.windowStart);
	const to = new Date(new Date(a.lastSeen).getTime() + 1);
	const p = new URLSearchParams({ tenant: a.tenant, from: from.toISOString(), to: to.toISOString() });
	p.append('f', `id:in:${a.eventIds.slice(0, MAX_EVIDENCE_IDS).join(',')}`);
	return `/events?${p}`;
}

export const alertHref = (id: string) => `/alerts/${encodeURIComponent(id)}`;
