import * as C from './catalogue';
import { DAY_MS } from './generate';
import { Prng } from './prng';

export type QueryKind = 'timeline' | 'actor' | 'cidr24' | 'cidr16' | 'text' | 'histogram' | 'failed';
export type QueryGroup = 'timeline' | 'filtered' | 'aggregate';

export const QUERY_KINDS: { kind: QueryKind; label: string; group: QueryGroup }[] = [
	{ kind: 'timeline', label: 'timeline first page (50, 30 days)', group: 'timeline' },
	{ kind: 'actor', label: 'actor filter', group: 'filtered' },
	{ kind: 'cidr24', label: 'CIDR filter, a /24', group: 'filtered' },
	{ kind: 'cidr16', label: 'CIDR filter, a /16', group: 'filtered' },
	{ kind: 'text', label: 'free-text search (~0.1% of events)', group: 'filtered' },
	{ kind: 'histogram', label: '30-day hourly histogram', group: 'aggregate' },
	{ kind: 'failed', label: 'failed logins by IP, 30 days', group: 'aggregate' }
];

/** One run's parameters; both engines get the very same ones. */
export interface QueryPlan {
	kind: QueryKind;
	tenant: string;
	from: Date;
	to: Date;
	actor?: string;
	cidr?: string;
	word?: string;
}

/** What a result held, to check that both engines answered the same question. */
export interface ResultSummary {
	ids?: string[];
	total?: number;
	top?: string[];
}

const acmeActors = C.ACTORS.filter((a) => a.tenant === C.QUERY_TENANT);
const acme24s = [...new Set(acmeActors.flatMap((a) => a.ips.filter((ip) => !ip.includes(':')).map((ip) => `${ip.split('.').slice(0, 3).join('.')}.0/24`)))].sort();
const acme16s = C.HOME_NETS.map((n) => `${n}.0.0/16`);

/**
 * Parameters for `runs` runs of one query: a different actor, block or word each time, and a
 * 30-day window ending up to 10 hours before `now`, so no run repeats the one before it.
 */
export function planQueries(kind: QueryKind, runs: number, now: Date, seed: number): QueryPlan[] {
	const r = new Prng(seed ^ (kind.length * 7919) ^ kind.charCodeAt(0));
	return Array.from({ length: runs }, () => {
		const to = new Date(now.getTime() - r.int(600) * 60_000);
		const plan: QueryPlan = { kind, tenant: C.QUERY_TENANT, from: new Date(to.getTime() - 30 * DAY_MS), to };
		if (kind === 'actor') plan.actor = r.pick(acmeActors).id;
		if (kind === 'cidr24') plan.cidr = r.pick(acme24s);
		if (kind === 'cidr16') plan.cidr = r.pick(acme16s);
		if (kind === 'text') plan.word = r.pick(C.RARE_WORDS);
		return plan;
	});
}

/** Compares two answers to the same plan; returns what differs, or null. */
export function compareSummaries(a: ResultSummary, b: ResultSummary): string | null {
	if (a.ids && b.ids) {
		const sa = new Set(a.ids);
		const missing = b.ids.filter((id) => !sa.has(id)).length;
		if (a.ids.length !== b.ids.length || missing > 1) return `${a.ids.length} vs ${b.ids.length} rows, ${missing} differ`;
		return null;
	}
	if (a.total !== undefined && a.total !== b.total) return `total ${a.total} vs ${b.total}`;
	if (a.top && b.top && a.top.join() !== b.top.join()) return `top ${a.top.slice(0, 3).join(' ')} vs ${b.top.slice(0, 3).join(' ')}`;
	return null;
}
