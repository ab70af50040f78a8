/** How deep a request's JSON may nest objects and arrays; an audit event needs a handful of levels. */
export const MAX_JSON_DEPTH = 100;

/**
 * Whether a JSON text nests objects and arrays deeper than `limit`, read in one pass without
 * recursion. JSON.parse takes any depth, but JSON.stringify and validation recurse and overflow
 * the stack a few thousand levels down: such a body is refused before it is parsed.
 */
export function nestsDeeperThan(text: string, limit = MAX_JSON_DEPTH): boolean {
	let depth = 0;
	let inString = false;
	for (let i = 0; i < text.length; i++) {
		const c = text.charCodeAt(i);
		if (inString) {
			if (c === 0x5c) i++;
			else if (c === 0x22) inString = false;
		} else if (c === 0x22) inString = true;
		else if (c === 0x7b || c === 0x5b) {
			if (++depth > limit) return true;
		} else if (c === 0x7d || c === 0x5d) depth--;
	}
	return false;
}

export const TOO_DEEP = `the body nests objects or arrays more than ${MAX_JSON_DEPTH} levels deep`;
