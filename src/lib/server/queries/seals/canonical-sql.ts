import { CANONICAL_TAG } from '../../seals/canonical';

/**
 * The canonical form (src/lib/server/seals/canonical.ts, docs/seals.md) built by the engine, so
 * a verification hashes every event where it is stored instead of shipping its columns to Node.
 * Only valid for rows that `CANONICAL_SQL_APPLIES` selects; the others go through the JS form.
 * test/integration/canonical-sql.int.test.ts proves it byte for byte against canonicalHash.
 */

/** SQL text of a string literal holding `s` (only ever code constants, never a value). */
const lit = (s: string) => `'${s.replace(/[\\']/g, (c) => `\\${c}`)}'`;

/**
 * A JSON string literal of the text expression `x`, as JSON.stringify writes it for text without
 * control characters (those rows are left to Node: see CANONICAL_SQL_APPLIES): backslash and
 * quote escaped, everything else as it is (including U+2028, U+2029, DEL and "/", which the
 * engine's own JSON writer would escape). Short on purpose: the engine analyses this expression
 * for every query, and 21 fields of 34 replacements each cost a second a query.
 */
export function jsonStringSql(x: string): string {
	return `concat('"', replaceAll(replaceAll(${x}, '\\\\', '\\\\\\\\'), '"', '\\\\"'), '"')`;
}

/** canonicalIp: '' for none, IPv4 (also mapped) dotted, IPv6 as eight lowercase groups without leading zeros. */
const IP_SQL = `multiIf(ip = toIPv6('::'), '',
	startsWith(hex(ip), '00000000000000000000FFFF'), substring(IPv6NumToString(ip), 8),
	arrayStringConcat(arrayMap(g -> lower(replaceRegexpOne(g, '^0{1,3}', '')), extractAll(hex(ip), '[0-9A-F]{4}')), ':'))`;

// Fields the engine writes in a fixed format (no quote, backslash or control can occur) are only quoted.
const FIXED = (x: string) => `concat('"', ${x}, '"')`;
const TEXT = ['tenant', 'source', 'actor_id', 'actor_name', 'actor_email', 'actor_type', 'action', 'category', 'reason', 'target_type', 'target_id', 'target_name', 'user_agent', 'session_id', 'request_id', 'changes', 'details'];
const t = (c: string) => jsonStringSql(`toString(${c})`);

const FIELDS = [
	FIXED('toString(id)'), t('tenant'), FIXED("concat(replaceOne(toString(occurred_at), ' ', 'T'), 'Z')"), t('source'), t('actor_id'), t('actor_name'), t('actor_email'),
	t('actor_type'), t('action'), t('category'), FIXED('toString(outcome)'), t('reason'), t('target_type'), t('target_id'), t('target_name'), FIXED(IP_SQL),
	t('user_agent'), t('session_id'), t('request_id'), t('changes'), t('details')
];

/** The canonical form's text (what the hash is taken of). */
export const CANONICAL_TEXT_SQL = `concat('[', ${lit(JSON.stringify(CANONICAL_TAG))}, ${FIELDS.map((f) => `',', ${f}`).join(', ')}, ']')`;

/** 64 lowercase hex: the form-2 hash of the row, recomputed from its columns. */
export const CANONICAL_HASH_SQL = `lower(hex(SHA256(${CANONICAL_TEXT_SQL})))`;

/**
 * Rows the engine's form stands for: form-2 hashes over valid UTF-8 without control characters.
 * The others are rare and left to Node: controls (JSON.stringify's \n and \u001f style escapes
 * would take 32 replacements a field here), invalid UTF-8 (never written by ingest, which takes
 * JSON text; Node reads it with replacement characters and hashes what it reads), and form-1
 * hashes (their legacy form).
 */
export const CANONICAL_SQL_APPLIES = `hash_form = 2 AND isValidUTF8(concat(${TEXT.join(', ')})) AND NOT match(concat(${TEXT.join(', ')}), '[\\x00-\\x1f]')`;
