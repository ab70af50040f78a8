import { KIND_LABELS, type EventKind } from '../schemas/event-kinds';

/**
 * The timeline's state lives in its URL (bookmarkable, shareable, linkable from alerts and
 * reports); these pure helpers derive one URL from another.
 */
export const PERIODS = [
	{ value: 'now-1h', label: 'Last hour' },
	{ value: 'now-24h', label: 'Last 24 hours' },
	{ value: 'now-7d', label: 'Last 7 days' },
	{ value: 'now-30d', label: 'Last 30 days' }
] as const;

export const PAGE_SIZES = [25, 50, 100, 250] as const;

/** Paging and the open event are not part of "the filter": changing a filter drops them. */
const NOT_FILTER = ['cursor', 'dir', 'event'];

export function withParam(search: URLSearchParams, key: string, value: string | null): string {
	const p = new URLSearchParams(search);
	for (const k of NOT_FILTER) p.delete(k);
	if (value === null || value === '') p.delete(key);
	else p.set(key, value);
	return `?${p}`;
}

/** Adds one operator filter (`f=field:op:value`), unless the same one is already there. */
export function withOperatorFilter(search: URLSearchParams, field: string, op: string, value: string): string {
	const p = new URLSearchParams(search);
	for (const k of NOT_FILTER) p.delete(k);
	const f = `${field}:${op}:${value}`;
	if (!p.getAll('f').includes(f)) p.append('f', f);
	return `?${p}`;
}

export function withoutOperatorFilter(search: URLSearchParams, f: string): string {
	const p = new URLSearchParams(search);
	for (const k of NOT_FILTER) p.delete(k);
	const rest = p.getAll('f').filter((x) => x !== f);
	p.delete('f');
	for (const x of rest) p.append('f', x);
	return `?${p}`;
}

/** A page of the same filtered set, before or after a keyset cursor. */
export function pageLink(search: URLSearchParams, cursor: string, dir: 'next' | 'prev'): string {
	const p = new URLSearchParams(search);
	p.delete('event');
	p.set('cursor', cursor);
	if (dir === 'prev') p.set('dir', 'prev');
	else p.delete('dir');
	return `?${p}`;
}

/** The filter only (no paging), as the export and count endpoints take it. */
export function filterQuery(search: URLSearchParams): string {
	const p = new URLSearchParams(search);
	for (const k of NOT_FILTER) p.delete(k);
	p.delete('limit');
	return p.toString();
}

export interface OperatorChip {
	raw: string;
	field: string;
	op: string;
	value: string;
	/** The same URL without this filter. */
	remove: string;
}

/** Drops one value of a repeatable parameter (or the parameter, without a value). */
export function withoutParam(search: URLSearchParams, key: string, value?: string): string {
	const p = new URLSearchParams(search);
	for (const k of NOT_FILTER) p.delete(k);
	const rest = value === undefined ? [] : p.getAll(key).filter((x) => x !== value);
	p.delete(key);
	for (const x of rest) p.append(key, x);
	return `?${p}`;
}

export const OP_LABELS: Record<string, string> = {
	eq: 'equals',
	ne: 'not equals',
	contains: 'contains',
	ncontains: 'not contains',
	gt: 'greater than',
	lt: 'less than',
	in: 'is one of',
	cidr: 'in block',
	outside: 'outside'
};

/** The filters no form field shows, as chips: kinds of events, off-hours, operator filters. */
export function operatorChips(search: URLSearchParams): OperatorChip[] {
	const kinds = search.getAll('kind').map((k) => ({ raw: `kind=${k}`, field: 'kind', op: 'eq', value: KIND_LABELS[k as EventKind] ?? k, remove: withoutParam(search, 'kind', k) }));
	const hours = search.getAll('off_hours').map((h) => ({ raw: `off_hours=${h}`, field: 'time', op: 'outside', value: h, remove: withoutParam(search, 'off_hours') }));
	const ops = search.getAll('f').map((raw) => {
		const [field, op, ...rest] = raw.split(':');
		return { raw, field, op, value: rest.join(':'), remove: withoutOperatorFilter(search, raw) };
	});
	return [...kinds, ...hours, ...ops];
}
