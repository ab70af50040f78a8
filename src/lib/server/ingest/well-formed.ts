import { z } from 'zod';
import { OUTCOMES, type ParsedEventInput } from '../../schemas/event-input';

/**
 * The fast path of EventInputSchema for the events nearly every sender sends: it returns what
 * the schema would return for a well-formed event, or undefined whenever it is not sure, and the
 * schema then decides (and words every problem). Validating with zod was a quarter of ingest's
 * CPU (~6 µs an event); this is ~0.5. test/unit/well-formed.test.ts checks both agree.
 */

// The schema's own patterns (z.uuid(), z.iso.datetime({ offset: true, local: false })).
const UUID = z.regexes.uuid();
const DATETIME = z.regexes.datetime({ offset: true, local: false });
const TENANT = /^[A-Za-z0-9._:-]+$/;
const OUTCOME_SET = new Set<unknown>(OUTCOMES);

type Obj = Record<string, unknown>;

const isObject = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Absent, null, or text within the limit: the schema's optionalText(max). */
const optionalText = (v: unknown, max: number) => v === undefined || v === null || (typeof v === 'string' && v.length <= max);

/**
 * A record the schema would copy key for key: a plain object whose JSON text, changed fields and
 * export figures read the same as those of the copy. Anything unusual (a __proto__ key, symbol
 * or hidden keys, another prototype) is left to the schema.
 */
function isPlainRecord(v: unknown): v is Obj {
	if (!isObject(v) || Object.getPrototypeOf(v) !== Object.prototype || Object.hasOwn(v, '__proto__')) return false;
	return Object.getOwnPropertySymbols(v).length === 0 && Object.getOwnPropertyNames(v).length === Object.keys(v).length;
}

const optionalRecord = (v: unknown) => v === undefined || v === null || isPlainRecord(v);

function readActor(v: unknown): ParsedEventInput['actor'] | false {
	if (v === undefined || v === null) return v;
	// A plain string is the actor's id.
	if (typeof v === 'string') return v.length >= 1 && v.length <= 256 ? { id: v, name: undefined, email: undefined, type: undefined } : false;
	if (!isObject(v)) return false;
	const a = v;
	if (!optionalText(a.id, 256) || !optionalText(a.name, 256) || !optionalText(a.email, 320) || !optionalText(a.type, 64)) return false;
	return { id: a.id as string | null | undefined, name: a.name as string | null | undefined, email: a.email as string | null | undefined, type: a.type as string | null | undefined };
}

function readTarget(v: unknown): ParsedEventInput['target'] | false {
	if (v === undefined || v === null) return v;
	if (!isObject(v)) return false;
	const t = v;
	if (!optionalText(t.type, 128) || !optionalText(t.name, 512)) return false;
	// A numeric id is kept as its text.
	const id = typeof t.id === 'number' && Number.isFinite(t.id) ? String(t.id) : t.id;
	if (!optionalText(id, 256)) return false;
	return { type: t.type as string | null | undefined, id: id as string | null | undefined, name: t.name as string | null | undefined };
}

function readChanges(v: unknown): ParsedEventInput['changes'] | false {
	if (v === undefined || v === null) return v;
	if (!isObject(v) || !optionalRecord(v.before) || !optionalRecord(v.after)) return false;
	// The schema's order, whatever the sender's: the stored JSON text (and its hash) follow it.
	return { before: v.before as Obj | null | undefined, after: v.after as Obj | null | undefined };
}

function timeOk(v: unknown): boolean {
	if (typeof v === 'string') return DATETIME.test(v);
	return typeof v === 'number' && Number.isSafeInteger(v) && v >= 0;
}

/** The schema's result for a well-formed event, or undefined: then EventInputSchema must decide. */
export function readWellFormed(raw: unknown): ParsedEventInput | undefined {
	if (!isObject(raw)) return undefined;
	const e = raw;
	const action = e.action;
	if (typeof action !== 'string' || action.length > 256) return undefined;
	const trimmed = action.trim();
	if (trimmed === '' || !timeOk(e.occurred_at)) return undefined;
	if (!(e.id === undefined || e.id === null || (typeof e.id === 'string' && UUID.test(e.id)))) return undefined;
	if (!(e.tenant === undefined || e.tenant === null || (typeof e.tenant === 'string' && e.tenant.length <= 128 && TENANT.test(e.tenant)))) return undefined;
	if (!(e.outcome === undefined || e.outcome === null || OUTCOME_SET.has(e.outcome))) return undefined;
	if (!optionalText(e.source, 128) || !optionalText(e.category, 64) || !optionalText(e.reason, 4096) || !optionalText(e.ip, 64)) return undefined;
	if (!optionalText(e.user_agent, 1024) || !optionalText(e.session_id, 256) || !optionalText(e.request_id, 256)) return undefined;
	if (!optionalRecord(e.details)) return undefined;
	const actor = readActor(e.actor);
	const target = readTarget(e.target);
	const changes = readChanges(e.changes);
	if (actor === false || target === false || changes === false) return undefined;
	return {
		id: e.id as string | null | undefined,
		occurred_at: e.occurred_at as string | number,
		tenant: e.tenant as string | null | undefined,
		source: e.source as string | null | undefined,
		actor,
		action: trimmed,
		category: e.category as string | null | undefined,
		outcome: e.outcome as ParsedEventInput['outcome'],
		reason: e.reason as string | null | undefined,
		target,
		ip: e.ip as string | null | undefined,
		user_agent: e.user_agent as string | null | undefined,
		session_id: e.session_id as string | null | undefined,
		request_id: e.request_id as string | null | undefined,
		changes,
		details: e.details as Obj | null | undefined
	};
}
