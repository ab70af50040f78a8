/**
 * SQL text for values and settings, for the two places where a value cannot travel as a bound
 * parameter: the embedded engine's background session (chdb-node runs every bound query of the
 * process on one promise chain, so a second session only runs beside the first with literals)
 * and SETTINGS clauses (chdb/connection turns `clickhouse_settings` into session SETs that stay
 * for every later query).
 */

const quote = (s: string) => `'${s.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;

const INTEGER = /^U?Int(8|16|32|64|128|256)$/;

/** The element type of `Array(T)`, or null when `type` is not an array. */
function elementOf(type: string): string | null {
	const m = /^Array\((.*)\)$/.exec(type.trim());
	return m ? m[1] : null;
}

/** A literal with no type of its own: quoted text, digits, or an array of those. */
function raw(value: unknown, type: string): string {
	const element = elementOf(type);
	if (element !== null) {
		if (!Array.isArray(value)) throw new TypeError(`expected an array for ${type}`);
		return `[${value.map((v) => raw(v, element)).join(', ')}]`;
	}
	if (INTEGER.test(type)) {
		const text = typeof value === 'bigint' ? value.toString() : typeof value === 'number' || typeof value === 'string' ? String(value) : '';
		if (!/^-?\d+$/.test(text)) throw new TypeError(`expected an integer for ${type}`);
		return text;
	}
	if (typeof value === 'string') return quote(value);
	if (typeof value === 'number') {
		if (!Number.isFinite(value)) throw new TypeError(`expected a finite number for ${type}`);
		return String(value);
	}
	if (typeof value === 'boolean') return value ? 'true' : 'false';
	if (typeof value === 'bigint') return value.toString();
	if (value instanceof Date) return quote(value.toISOString().replace('T', ' ').replace('Z', ''));
	throw new TypeError(`cannot render ${typeof value} as ${type}`);
}

/** One value as an SQL expression of exactly the declared ClickHouse type. */
export function sqlLiteral(value: unknown, type: string): string {
	if (type === 'String') return typeof value === 'string' ? quote(value) : quote(String(raw(value, 'Float64')));
	if (INTEGER.test(type)) return raw(value, type);
	return `CAST(${raw(value, type)} AS ${type})`;
}

const PLACEHOLDER = /\{([A-Za-z_][A-Za-z0-9_]*):([^{}]+)\}/g;

/** The SQL with every `{name:Type}` placeholder replaced by its value as a typed literal. */
export function renderParams(sql: string, params: Record<string, unknown> = {}): string {
	return sql.replace(PLACEHOLDER, (_, name: string, type: string) => {
		if (!(name in params)) throw new Error(`no value for the query parameter ${name}`);
		return sqlLiteral(params[name], type.trim());
	});
}

export type Settings = Record<string, string | number>;

const SETTING_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
// A query that already ends in its own SETTINGS clause (no parenthesis after it) gets ours appended to it.
const TRAILING_SETTINGS = /\bSETTINGS\s+[A-Za-z_][A-Za-z0-9_]*\s*=[^()]*$/i;

/** The query with its settings in a SETTINGS clause, so they hold for this query and no other. */
export function withSettings(sql: string, settings: Settings | undefined): string {
	const entries = Object.entries(settings ?? {}).filter(([, v]) => v !== undefined);
	if (entries.length === 0) return sql;
	const list = entries
		.map(([k, v]) => {
			if (!SETTING_NAME.test(k)) throw new Error(`invalid setting name ${JSON.stringify(k)}`);
			return `${k} = ${typeof v === 'number' ? raw(v, 'Float64') : quote(v)}`;
		})
		.join(', ');
	const body = sql.trimEnd().replace(/;$/, '');
	return TRAILING_SETTINGS.test(body) ? `${body}, ${list}` : `${body}\nSETTINGS ${list}`;
}
