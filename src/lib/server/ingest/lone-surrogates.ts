// With the u flag a proper surrogate pair reads as one code point, so only a lone half matches.
const LONE_SURROGATE = /\p{Cs}/u;
const LONE_SURROGATES = /\p{Cs}/gu;
// Without the u flag any surrogate matches, paired or not: a cheap first look, exact only when it finds none.
const ANY_SURROGATE = /[\ud800-\udfff]/;

/** Whether any string or key in the value holds a surrogate, paired or lone; walks without building paths. */
function holdsSurrogate(value: unknown): boolean {
	const stack: unknown[] = [value];
	while (stack.length > 0) {
		const v = stack.pop();
		if (typeof v === 'string') {
			if (ANY_SURROGATE.test(v)) return true;
		} else if (v && typeof v === 'object') {
			// for-in also sees inherited keys: a superset of what the exact walk reads, so nothing is missed.
			for (const k in v) {
				if (ANY_SURROGATE.test(k)) return true;
				stack.push((v as Record<string, unknown>)[k]);
			}
		}
	}
	return false;
}

const ESCAPED_SURROGATE = /\\u[dD][89a-fA-F]/;

/**
 * Whether JSON parsed from this text can hold a surrogate: only as one written raw or as a
 * \uD800-\uDFFF escape. A body decoded from UTF-8 never holds a raw lone one, and most hold no
 * escape at all, so one look at the text (~0.1 µs an event) spares walking every event (~1.4 µs).
 */
export const textMayHoldSurrogates = (text: string): boolean => ANY_SURROGATE.test(text) || (text.includes('\\u') && ESCAPED_SURROGATE.test(text));

/**
 * The paths (`action`, `details.note`, `changes.after.<key>`) of every string, or object key, in a
 * parsed event that holds a lone UTF-16 surrogate. JSON allows one (`"\ud800"`), but it is not
 * text: ClickHouse refuses the whole insert holding it, and with it every request batched alongside.
 */
export function loneSurrogatePaths(value: unknown): string[] {
	// Nearly every event holds no surrogate at all; building every path to find none cost ~3 µs an event.
	if (!holdsSurrogate(value)) return [];
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
