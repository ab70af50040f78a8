/**
 * The display delta of an event's `changes`: what a reader needs to see field by field.
 * Pure and browser-safe, so the drawer computes it on the client from the event it already has.
 */

export type DeltaKind = 'added' | 'removed' | 'changed' | 'unchanged';

export interface DeltaRow {
	/** The field, nested objects as dotted paths (`address.city`). */
	path: string;
	kind: DeltaKind;
	/** Present unless the field was added. */
	before?: unknown;
	/** Present unless the field was removed. */
	after?: unknown;
}

type Obj = Record<string, unknown>;

const isPlainObject = (v: unknown): v is Obj => v !== null && typeof v === 'object' && !Array.isArray(v);

// A hostile or machine-made payload can nest without end; past this depth a subtree is shown
// whole (as JSON) rather than risking the stack or a wall of rows.
const MAX_DEPTH = 16;

function same(a: unknown, b: unknown): boolean {
	if (a === b) return true;
	if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
	return JSON.stringify(a) === JSON.stringify(b);
}

const join = (prefix: string, key: string) => (prefix ? `${prefix}.${key}` : key);

/** Every leaf of a one-sided value, so a created or deleted `address` reads as `address.city` etc. */
function oneSide(value: unknown, path: string, kind: 'added' | 'removed', depth: number, out: DeltaRow[]) {
	const keys = isPlainObject(value) ? Object.keys(value) : [];
	// An empty object is a value in its own right; without this row it would vanish from the delta.
	if (!isPlainObject(value) || keys.length === 0 || depth >= MAX_DEPTH) {
		out.push(kind === 'added' ? { path, kind, after: value } : { path, kind, before: value });
		return;
	}
	for (const key of keys) oneSide(value[key], join(path, key), kind, depth + 1, out);
}

function walk(before: Obj, after: Obj, prefix: string, depth: number, out: DeltaRow[]) {
	const keys = new Set([...Object.keys(before), ...Object.keys(after)]);
	for (const key of keys) {
		const path = join(prefix, key);
		const inBefore = Object.hasOwn(before, key);
		const inAfter = Object.hasOwn(after, key);
		const bv = before[key];
		const av = after[key];
		if (!inBefore) oneSide(av, path, 'added', depth + 1, out);
		else if (!inAfter) oneSide(bv, path, 'removed', depth + 1, out);
		else if (isPlainObject(bv) && isPlainObject(av) && depth + 1 < MAX_DEPTH && (Object.keys(bv).length || Object.keys(av).length))
			walk(bv, av, path, depth + 1, out);
		else out.push({ path, kind: same(bv, av) ? 'unchanged' : 'changed', before: bv, after: av });
	}
}

/**
 * Compares `changes.before` with `changes.after`. Nested objects become dotted paths, arrays are
 * compared whole. With no `before` (a created entity) every field is added; with no `after`
 * (a deleted one) every field is removed. Fields keep the order they have in the objects.
 */
export function diffChanges(before: unknown, after: unknown): DeltaRow[] {
	const out: DeltaRow[] = [];
	const hasBefore = isPlainObject(before);
	const hasAfter = isPlainObject(after);
	if (hasBefore && hasAfter) walk(before, after, '', 0, out);
	else if (hasAfter) for (const key of Object.keys(after)) oneSide(after[key], key, 'added', 1, out);
	else if (hasBefore) for (const key of Object.keys(before)) oneSide(before[key], key, 'removed', 1, out);
	return out;
}

/** Counts rows per kind, for a caption such as "2 changed, 1 added". */
export function countKinds(rows: readonly DeltaRow[]): Record<DeltaKind, number> {
	const n: Record<DeltaKind, number> = { added: 0, removed: 0, changed: 0, unchanged: 0 };
	for (const r of rows) n[r.kind]++;
	return n;
}

/**
 * A value as text for the delta table. JSON throughout, so the string "1" and the number 1,
 * or null and "null", stay distinguishable; the result is always shown as text, never markup.
 */
export function formatValue(v: unknown): string {
	if (v === undefined) return '';
	try {
		return JSON.stringify(v) ?? String(v);
	} catch {
		// Only reachable for values that did not come from JSON (cycles, BigInt).
		return String(v);
	}
}
