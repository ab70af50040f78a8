// With the u flag a proper surrogate pair reads as one code point, so only a lone half matches.
const LONE_SURROGATE = /\p{Cs}/u;

/**
 * The paths (`action`, `details.note`, `changes.after.<key>`) of every string, or object key, in a
 * parsed event that holds a lone UTF-16 surrogate. JSON allows one (`"\ud800"`), but it is not
 * text: ClickHouse refuses the whole insert holding it, and with it every request batched alongside.
 */
export function loneSurrogatePaths(value: unknown): string[] {
	const found: string[] = [];
	const stack: [unknown, string][] = [[value, '']];
	while (stack.length > 0) {
		const [v, path] = stack.pop()!;
		if (typeof v === 'string') {
			if (LONE_SURROGATE.test(v)) found.push(path || '(event)');
		} else if (v && typeof v === 'object') {
			for (const [k, child] of Object.entries(v)) {
				const at = Array.isArray(v) ? `${path}[${k}]` : path ? `${path}.${k}` : k;
				if (LONE_SURROGATE.test(k)) found.push(at);
				stack.push([child, at]);
			}
		}
	}
	return found.sort();
}
