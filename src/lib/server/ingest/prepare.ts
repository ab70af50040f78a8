import { randomUUID } from 'node:crypto';
import { EventInputSchema, MAX_FUTURE_MS, type Category } from '../../schemas/event-input';
import { actionKey, deriveCategory, deriveOutcome, parseCategory } from './categories';
import { changedFields } from './changed-fields';
import type { EventRow } from './event-row';
import { exportMetrics } from './export-metrics';
import { getGeoLookup, type GeoLookup } from './geo';
import { loneSurrogatePaths } from './lone-surrogates';
import { displayIp, NO_IP, toStoredIp } from './ip';
import { retentionDays, type Retention } from './retention-days';
import { canonicalHash, canonicalIp, HASH_FORM } from '../seals/canonical';
import { isoToChTime, toChTime } from '../clickhouse/time';
import { readWellFormed } from './well-formed';

export const MAX_EVENT_BYTES = 64 * 1024;

export interface EventProblem {
	index: number;
	field: string;
	message: string;
}

export interface PrepareContext {
	now: Date;
	/** The tenant of a key bound to one; events naming another are refused. */
	boundTenant?: string;
	retention: Retention;
	/** The items were parsed from a text that holds no surrogate (lone-surrogates.ts): none need looking at. */
	surrogateFree?: boolean;
}

/**
 * The full SHA-256 of the event's canonical form (seals/canonical.ts, docs/seals.md), with the
 * time and address as that form writes them (ingest has the Date at hand; no need to parse back).
 */
export function contentHash(row: EventRow, iso: string, ip: string): string {
	const r = row;
	return canonicalHash({
		id: r.id, tenant: r.tenant, occurred_at: iso, source: r.source, actor_id: r.actor_id, actor_name: r.actor_name, actor_email: r.actor_email,
		actor_type: r.actor_type, action: r.action, category: r.category, outcome: r.outcome, reason: r.reason, target_type: r.target_type,
		target_id: r.target_id, target_name: r.target_name, ip, user_agent: r.user_agent, session_id: r.session_id, request_id: r.request_id,
		changes: r.changes, details: r.details
	});
}

// Actions and categories repeat endlessly; derive each once.
const categoryMemo = new Map<string, Category | undefined>();
function categoryOf(category: string | null | undefined, action: string, targetType: string | undefined): Category | undefined {
	const key = `${category ?? ''}\u0000${action}\u0000${targetType ?? ''}`;
	if (categoryMemo.has(key)) return categoryMemo.get(key);
	const c = category ? parseCategory(category) : deriveCategory(action, targetType);
	if (categoryMemo.size > 50_000) categoryMemo.clear();
	categoryMemo.set(key, c);
	return c;
}

interface Address {
	/** null when the text is no address. */
	stored: string | null;
	canonical: string;
	country: string;
	city: string;
}

// Senders repeat their addresses: parse, canonicalise and locate each once (a geo lookup walks the database's tree).
const addressMemo = new Map<string, Address>();
const NO_ADDRESS: Address = { stored: NO_IP, canonical: canonicalIp(NO_IP), country: '', city: '' };
function addressOf(text: string | null | undefined, geo: GeoLookup): Address {
	if (!text) return NO_ADDRESS;
	let a = addressMemo.get(text);
	if (a) return a;
	const stored = toStoredIp(text);
	const place = stored === null ? { country: '', city: '' } : geo(displayIp(stored));
	a = { stored, canonical: stored === null ? '' : canonicalIp(stored), country: place.country, city: place.city };
	if (addressMemo.size >= 100_000) addressMemo.clear();
	addressMemo.set(text, a);
	return a;
}

type Checked = { ok: true; row: EventRow } | { ok: false; problems: EventProblem[] };

const NO_VOLUME = { records: 0, bytes: 0 };

function check(raw: unknown, index: number, size: number, ctx: PrepareContext & { receivedAt: string }, geo: GeoLookup): Checked {
	if (size > MAX_EVENT_BYTES) return { ok: false, problems: [{ index, field: '', message: `the event is ${size} bytes; the limit is ${MAX_EVENT_BYTES}` }] };
	const notText = ctx.surrogateFree ? [] : loneSurrogatePaths(raw);
	if (notText.length > 0) return { ok: false, problems: notText.map((field) => ({ index, field, message: 'holds a lone UTF-16 surrogate (such as \\ud800), which is not text; send valid Unicode' })) };
	let e = readWellFormed(raw);
	if (!e) {
		const parsed = EventInputSchema.safeParse(raw);
		if (!parsed.success) {
			return { ok: false, problems: parsed.error.issues.map((i) => ({ index, field: i.path.join('.') || '(event)', message: i.message })) };
		}
		e = parsed.data;
	}
	const problems: EventProblem[] = [];
	const at = new Date(e.occurred_at);
	if (Number.isNaN(at.getTime())) problems.push({ index, field: 'occurred_at', message: 'is not a valid time' });
	else if (at.getTime() > ctx.now.getTime() + MAX_FUTURE_MS) problems.push({ index, field: 'occurred_at', message: 'is more than a day in the future' });
	const category = categoryOf(e.category, e.action, e.target?.type ?? undefined);
	if (!category) problems.push({ index, field: 'category', message: `unknown category "${e.category}"; use one of authentication, authorization, user_management, configuration, data_access, data_export, data_change, integration, system, other` });
	const address = addressOf(e.ip, geo);
	const ip = address.stored;
	if (ip === null) problems.push({ index, field: 'ip', message: `"${e.ip}" is not an IPv4 or IPv6 address` });
	const tenant = e.tenant ?? ctx.boundTenant ?? 'default';
	if (ctx.boundTenant && tenant !== ctx.boundTenant) problems.push({ index, field: 'tenant', message: `this API key may only write to tenant "${ctx.boundTenant}"` });
	if (category && !Number.isNaN(at.getTime())) {
		const keep = retentionDays(category, ctx.retention);
		if (at.getTime() < ctx.now.getTime() - keep * 86_400_000)
			problems.push({ index, field: 'occurred_at', message: `is older than the ${keep}-day retention for ${category} events, so it would be deleted at once` });
	}
	if (problems.length > 0 || !category || ip === null) return { ok: false, problems };
	const actor = e.actor ?? {};
	const { records, bytes } = category === 'data_export' ? exportMetrics(e.details) : NO_VOLUME;
	const iso = at.toISOString();
	// One literal with every column: spreading a row this wide costs more than all the checks.
	const row: EventRow = {
		id: e.id ?? randomUUID(),
		tenant,
		occurred_at: isoToChTime(iso),
		received_at: ctx.receivedAt,
		source: e.source ?? '',
		actor_id: actor.id ?? '',
		actor_name: actor.name ?? '',
		actor_email: actor.email ?? '',
		actor_type: actor.type ?? '',
		action: e.action,
		action_key: actionKey(e.action),
		category,
		outcome: e.outcome ?? deriveOutcome(e.action),
		reason: e.reason ?? '',
		target_type: e.target?.type ?? '',
		target_id: e.target?.id ?? '',
		target_name: e.target?.name ?? '',
		ip,
		country: address.country,
		city: address.city,
		user_agent: e.user_agent ?? '',
		session_id: e.session_id ?? '',
		request_id: e.request_id ?? '',
		changes: e.changes ? JSON.stringify(e.changes) : '',
		changed_fields: e.changes ? changedFields(e.changes.before, e.changes.after) : [],
		details: e.details ? JSON.stringify(e.details) : '',
		records,
		bytes,
		content_hash: '',
		hash_form: HASH_FORM
	};
	row.content_hash = contentHash(row, iso, address.canonical);
	return { ok: true, row };
}

export type Prepared = { ok: true; rows: EventRow[] } | { ok: false; problems: EventProblem[] };

/** Validates and enriches every event; any problem rejects the whole request, all problems listed. */
export async function prepareEvents(items: unknown[], sizes: number[], ctx: PrepareContext): Promise<Prepared> {
	const problems: EventProblem[] = [];
	const rows: EventRow[] = [];
	const geo = await getGeoLookup();
	const checking = { ...ctx, receivedAt: toChTime(ctx.now) };
	items.forEach((raw, index) => {
		const c = check(raw, index, sizes[index] ?? 0, checking, geo);
		if (c.ok) rows.push(c.row);
		else problems.push(...c.problems);
	});
	return problems.length > 0 ? { ok: false, problems } : { ok: true, rows };
}
