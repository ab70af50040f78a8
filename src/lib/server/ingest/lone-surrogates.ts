// With the u flag a proper surrogate pair reads as one code point, so only a lone half matches.
const LONE_SURROGATE = /\p{Cs}/u;
const LONE_SURROGATES = /\p{Cs}/gu;

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

/** The same value with every lone surrogate, in strings and keys, replaced by U+FFFD: for text Trailscope writes itself. */
export function repairLoneSurrogates<T>(value: T): T {
	if (typeof value === 'string') return value.replace(LONE_SURROGATES, '\ufffd') as T;
	if (Array.isArray(value)) return value.map(repairLoneSurrogates) as T;
	if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [repairLoneSurrogates(k), repairLoneSurrogates(v)])) as T;
	return value;
}
