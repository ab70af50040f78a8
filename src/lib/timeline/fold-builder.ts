/**
 * The "add filter" form sends its three parts as ff/fo/fv (it cannot join them without
 * JavaScript); this folds them into one `f=field:op:value`. `details.` with `key=value` names a
 * key inside details. Returns null when there is nothing to fold.
 */
export function foldBuilderParams(search: URLSearchParams): string | null {
	const field = search.get('ff');
	const op = search.get('fo');
	const value = search.get('fv');
	if (field === null && op === null && value === null) return null;
	const p = new URLSearchParams(search);
	for (const k of ['ff', 'fo', 'fv', 'cursor', 'dir', 'event']) p.delete(k);
	if (field && op && value) {
		let f = field;
		let v = value;
		if (field === 'details.') {
			const eq = value.indexOf('=');
			f = `details.${eq > 0 ? value.slice(0, eq).trim() : value.trim()}`;
			v = eq > 0 ? value.slice(eq + 1).trim() : '';
		}
		if (!p.getAll('f').includes(`${f}:${op}:${v}`)) p.append('f', `${f}:${op}:${v}`);
	}
	return `?${p}`;
}
