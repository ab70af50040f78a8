import { CANONICAL_TAG } from '../../seals/canonical';

/**
 * The canonical form (src/lib/server/seals/canonical.ts, docs/seals.md) built by the engine, so
 * a verification hashes every event where it is stored instead of shipping its columns to Node.
 * Only valid for rows that `CANONICAL_SQL_APPLIES` selects; the others go through the JS form.
 * test/integration/canonical-sql.int.test.ts proves it byte for byte against canonicalHash.
 */

/** SQL text of a string literal holding `s` (only ever code constants, never a value). */
const lit = (s: string) => `'${[...s].map((c) => (c === '\\' || c === "'" ? `\\${c}` : c.charCodeAt(0) < 0x20 ? `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}` : c)).join('')}'`;

// JSON.stringify's escapes: backslash and quote first (later escapes add backslashes), then the
// controls: five by letter, the rest as \u00xx in lowercase hex. Everything else is left as it is
// (including U+2028, U+2029, DEL and "/", which the engine's own JSON writer would escape).
const LETTERS: Record<number, string> = { 8: '\\b', 9: '\\t', 10: '\\n', 12: '\\f', 13: '\\r' };
const ESCAPES: [string, string][] = [
	['\\', '\\\\'],
	['"', '\\"'],
	...Array.from({ length: 32 }, (_, i): [string, string] => [String.fromCharCode(i), LETTERS[i] ?? `\\u${i.toString(16).padStart(4, '0')}`])
];

/** A JSON string literal of the text expression `x`, as JSON.stringify writes it; the replacements only run on text that needs them. */
export function jsonStringSql(x: string): string {
	const [backslash, quote, ...controls] = ESCAPES;
	const quoted = `replaceAll(replaceAll(${x}, ${lit(backslash[0])}, ${lit(backslash[1])}), ${lit(quote[0])}, ${lit(quote[1])})`;
	const controlled = controls.reduce((acc, [from, to]) => `replaceAll(${acc}, ${lit(from)}, ${lit(to)})`, quoted);
	return `concat('"', multiIf(NOT match(${x}, ${CHARS_TO_ESCAPE}), ${x}, match(${x}, ${CONTROLS}), ${controlled}, ${quoted}), '"')`;
}

const CHARS_TO_ESCAPE = `'[\\\\x00-\\\\x1f"\\\\\\\\]'`;
const CONTROLS = `'[\\\\x00-\\\\x1f]'`;

/** canonicalIp: '' for none, IPv4 (also mapped) dotted, IPv6 as eight lowercase groups without leading zeros. */
const IP_SQL = `multiIf(ip = toIPv6('::'), '',
	startsWith(hex(ip), '00000000000000000000FFFF'), substring(IPv6NumToString(ip), 8),
	arrayStringConcat(arrayMap(g -> lower(replaceRegexpOne(g, '^0{1,3}', '')), extractAll(hex(ip), '[0-9A-F]{4}')), ':'))`;

const FIELDS = [
	'toString(id)', 'toString(tenant)', "concat(replaceOne(toString(occurred_at), ' ', 'T'), 'Z')", 'toString(source)', 'actor_id', 'actor_name', 'actor_email',
	'toString(actor_type)', 'action', 'toString(category)', 'toString(outcome)', 'reason', 'toString(target_type)', 'target_id', 'target_name', IP_SQL,
	'user_agent', 'session_id', 'request_id', 'changes', 'details'
];

/** The canonical form's text (what the hash is taken of). */
export const CANONICAL_TEXT_SQL = `concat('[', ${lit(JSON.stringify(CANONICAL_TAG))}, ${FIELDS.map((f) => `',', ${jsonStringSql(f)}`).join(', ')}, ']')`;

/** 64 lowercase hex: the form-2 hash of the row, recomputed from its columns. */
export const CANONICAL_HASH_SQL = `lower(hex(SHA256(${CANONICAL_TEXT_SQL})))`;

/**
 * Rows the engine's form stands for: form-2 hashes over valid UTF-8. Node reads invalid UTF-8
 * with replacement characters, so such a row (never written by ingest, which takes JSON text)
 * hashes as Node reads it; form-1 rows keep their legacy form.
 */
export const CANONICAL_SQL_APPLIES = `hash_form = 2 AND isValidUTF8(concat(source, actor_id, actor_name, actor_email, actor_type, action, category, reason,
	target_type, target_id, target_name, user_agent, session_id, request_id, changes, details, tenant))`;
