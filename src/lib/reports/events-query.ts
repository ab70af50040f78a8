/**
 * The timeline filter (the query string of /events and GET /api/v1/events) that selects exactly
 * the events behind a report figure. Pure, shared by the report (which carries it in every row)
 * and the pages (which turn it into links).
 */
export interface EventsBase {
	from: Date;
	to: Date;
	tenant?: string;
	timezone: string;
	/** The report's own filters (the timeline's ip, actor, source): every link carries them. */
	filter?: { ip?: string; actor?: string; source?: string };
}

export interface Drill {
	from?: Date;
	to?: Date;
	actor?: string;
	category?: string[];
	outcome?: string[];
	action?: string[];
	ip?: string;
	target_type?: string;
	/** Operator filters `field:op:value` where no plain filter fits. */
	f?: string[];
}

export function eventsQuery(base: EventsBase, d: Drill = {}): string {
	const p = new URLSearchParams();
	p.set('from', (d.from ?? base.from).toISOString());
	p.set('to', (d.to ?? base.to).toISOString());
	if (base.tenant) p.set('tenant', base.tenant);
	if (d.actor !== undefined) p.set('actor', d.actor);
	else if (base.filter?.actor) p.set('actor', base.filter.actor);
	for (const c of d.category ?? []) p.append('category', c);
	for (const o of d.outcome ?? []) p.append('outcome', o);
	for (const a of d.action ?? []) p.append('action', a);
	if (d.ip) p.set('ip', d.ip);
	else if (base.filter?.ip) p.set('ip', base.filter.ip);
	if (d.target_type) p.set('target_type', d.target_type);
	if (base.filter?.source) p.set('source', base.filter.source);
	for (const f of d.f ?? []) p.append('f', f);
	// A row's own user or address replaces the plain filter; the report's stays as an operator
	// filter of the same meaning, so the link opens exactly the events counted.
	if (d.actor !== undefined && base.filter?.actor && d.actor !== base.filter.actor) p.append('f', `actor:eq:${base.filter.actor}`);
	if (d.ip && base.filter?.ip && d.ip !== base.filter.ip) p.append('f', `ip:cidr:${base.filter.ip}`);
	p.set('tz', base.timezone);
	return p.toString();
}

/** Several filters at once (all must hold): lists are joined, single values taken from the last. */
export function and(...drills: Drill[]): Drill {
	const out: Drill = {};
	for (const d of drills) {
		for (const [k, v] of Object.entries(d) as [keyof Drill, Drill[keyof Drill]][]) {
			if (Array.isArray(v)) (out as Record<string, unknown>)[k] = [...(((out as Record<string, unknown>)[k] as string[]) ?? []), ...v];
			else if (v !== undefined) (out as Record<string, unknown>)[k] = v;
		}
	}
	return out;
}

/** One event, by id: what a row listing single events opens. */
export const oneEvent = (id: string): Drill => ({ f: [`id:eq:${id}`] });
/** An account as the reports name it (email, else actor id); the timeline's actor filter matches either. */
export const byActor = (actor: string): Drill => (actor === '' ? { f: ['actor_id:eq:', 'actor_email:eq:'] } : { actor });

/**
 * A group of events of a kind no plain filter names (deletions, privilege changes): when every
 * action of the group is named like that kind, the actions select exactly it; else its ids, when
 * few enough (100) to fit one filter; else only the wider filter, marked inexact.
 */
export function kindGroupDrill(wider: Drill, g: { actions: string[]; by_action: boolean; ids: string[] }): { drill: Drill; exact: boolean } {
	if (g.by_action && g.actions.length > 0 && g.actions.length < 20) return { drill: and(wider, { action: g.actions }), exact: true };
	if (g.ids.length > 0) return { drill: { from: wider.from, to: wider.to, f: [`id:in:${g.ids.join(',')}`] }, exact: true };
	return { drill: wider, exact: false };
}

/** A timeline link from a report row's query; the zone rides along so times read the same. */
export const eventsHref = (query: string) => `/events?${query}`;
