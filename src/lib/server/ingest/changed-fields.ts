type Obj = Record<string, unknown>;

const isPlainObject = (v: unknown): v is Obj => v !== null && typeof v === 'object' && !Array.isArray(v);

function same(a: unknown, b: unknown): boolean {
	if (a === b) return true;
	if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
	return JSON.stringify(a) === JSON.stringify(b);
}

/**
 * Names of the fields that differ between before and after, nested objects as dotted paths
 * (`address.city`), arrays compared whole. A created entity lists every field of `after`,
 * a deleted one every field of `before`.
 */
export function changedFields(before: unknown, after: unknown, prefix = '', out: string[] = []): string[] {
	const b = isPlainObject(before) ? before : {};
	const a = isPlainObject(after) ? after : {};
	const keys = new Set([...Object.keys(b), ...Object.keys(a)]);
	for (const key of keys) {
		const path = prefix ? `${prefix}.${key}` : key;
		const bv = b[key];
		const av = a[key];
		if (isPlainObject(bv) && isPlainObject(av)) changedFields(bv, av, path, out);
		else if (!(key in b) || !(key in a) || !same(bv, av)) out.push(path);
		if (out.length >= 256) break;
	}
	return out;
}
