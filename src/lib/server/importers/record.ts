import { createHash } from 'node:crypto';
import { isIP } from 'node:net';

/** A vendor record as parsed JSON: fields are read defensively, since exports are often partial. */
export type VendorRecord = Record<string, unknown>;

export const isObject = (v: unknown): v is VendorRecord => typeof v === 'object' && v !== null && !Array.isArray(v);

/** A member by name, else by the same name in any case: some exports lower-case every key (`eventtype`). */
function member(o: VendorRecord, key: string): unknown {
	if (Object.hasOwn(o, key)) return o[key];
	const lower = key.toLowerCase();
	const found = Object.keys(o).find((k) => k.toLowerCase() === lower);
	return found === undefined ? undefined : o[found];
}

/** The value at a dotted path, or undefined. */
export function at(record: unknown, path: string): unknown {
	let v: unknown = record;
	for (const key of path.split('.')) {
		if (Array.isArray(v) && /^\d+$/.test(key)) v = v[Number(key)];
		else if (isObject(v)) v = member(v, key);
		else return undefined;
	}
	return v;
}

/** A non-empty string at a path (numbers are turned into strings), else undefined. */
export function str(record: unknown, path: string): string | undefined {
	const v = at(record, path);
	if (typeof v === 'number' && Number.isFinite(v)) return String(v);
	return typeof v === 'string' && v.trim() !== '' ? v.trim() : undefined;
}

/** The first non-empty string among paths. */
export const first = (record: unknown, ...paths: string[]) => paths.map((p) => str(record, p)).find((v) => v !== undefined);

/** Only a real address: vendors put service names ("AWS Internal", "s3.amazonaws.com") where an IP goes. */
export const ipOrUndefined = (v: string | undefined) => (v && isIP(v) ? v : undefined);

// As strict as the ingest schema: a vendor id shaped like a UUID but of no RFC variant is not one.
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[1-8][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i;

/**
 * The event's id: the vendor's own when it is a UUID, else one derived from the record's content, so
 * importing the same file twice stores nothing twice, while records that share a non-unique vendor
 * id (CloudTrail test captures reuse "1") stay apart.
 */
export function stableId(format: string, vendorId: string | undefined, record: unknown): string {
	if (vendorId && UUID.test(vendorId)) return vendorId.toLowerCase();
	const h = createHash('sha256').update(format).update('\0').update(JSON.stringify(record)).digest('hex');
	// Shaped as a version-5-style UUID (name-based) so it passes the same checks as any event id.
	return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-${((parseInt(h[16], 16) & 0x3) | 0x8).toString(16)}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/** An object without undefined or empty members, so stored details stay readable. */
export function compact(o: Record<string, unknown>): Record<string, unknown> | undefined {
	const out = Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined && v !== null && v !== '' && !(isObject(v) && Object.keys(v).length === 0)));
	return Object.keys(out).length ? out : undefined;
}

/** What a mapper gives for one record: an event in Trailscope's input shape, or why it cannot be one. */
export type Mapped = { ok: true; event: Record<string, unknown> } | { ok: false; field: string; message: string };

/**
 * A vendor's time as ISO 8601 UTC: epoch seconds or milliseconds, ISO with or without a zone
 * (vendors that omit it write UTC), "2023-01-31 18:58:27.638". Undefined when it is none of these.
 */
export function vendorTime(v: unknown): string | undefined {
	let t: number;
	if (typeof v === 'number' || (typeof v === 'string' && /^\d{10,13}(\.\d+)?$/.test(v.trim()))) {
		const n = Number(v);
		t = n < 1e11 ? n * 1000 : n;
	} else if (typeof v === 'string' && v.trim() !== '') {
		const s = v.trim().replace(' ', 'T');
		t = Date.parse(/([zZ]|[+-]\d\d:?\d\d)$/.test(s) || !s.includes('T') ? s : `${s}Z`);
	} else return undefined;
	return Number.isFinite(t) ? new Date(t).toISOString() : undefined;
}

/** A record's action and time, both required, or which of them is missing or not a time. */
export function actionAndTime(action: string | undefined, actionField: string, when: unknown, timeField: string): { action: string; occurred: string } | Extract<Mapped, { ok: false }> {
	if (!action) return { ok: false, field: actionField, message: 'is missing' };
	if (when === undefined || when === null || when === '') return { ok: false, field: timeField, message: 'is missing' };
	const occurred = vendorTime(when);
	if (!occurred) return { ok: false, field: timeField, message: 'is not a time' };
	return { action, occurred };
}
