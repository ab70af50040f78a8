/** Beyond this a figure is a mistake or a unit mix-up, not an export: a petabyte, or 10^15 rows. */
const ABSURD = 1e15;

// Keys compared without case or separators, so `record_count`, `recordCount` and `RecordCount` are one.
const RECORD_KEYS = ['records', 'recordcount', 'recordscount', 'rows', 'rowcount', 'count', 'contacts', 'items', 'exported', 'total'];
const BYTE_KEYS = ['bytes', 'sizebytes', 'bytecount', 'bytescount', 'size', 'filesize'];

const KB = 1e3;
const KIB = 1024;
const BYTE_UNITS: Record<string, number> = {
	'': 1, b: 1, byte: 1, bytes: 1, o: 1, octet: 1, octets: 1, б: 1, байт: 1, байта: 1, байтов: 1,
	k: KB, kb: KB, ko: KB, kilobyte: KB, kilobytes: KB, кб: KB, kib: KIB,
	m: KB ** 2, mb: KB ** 2, mo: KB ** 2, megabyte: KB ** 2, megabytes: KB ** 2, мб: KB ** 2, mib: KIB ** 2,
	g: KB ** 3, gb: KB ** 3, go: KB ** 3, gigabyte: KB ** 3, gigabytes: KB ** 3, гб: KB ** 3, gib: KIB ** 3,
	t: KB ** 4, tb: KB ** 4, to: KB ** 4, terabyte: KB ** 4, terabytes: KB ** 4, тб: KB ** 4, tib: KIB ** 4,
	pb: KB ** 5, pib: KIB ** 5
};
const COUNT_SUFFIXES: Record<string, number> = { k: 1e3, thousand: 1e3, m: 1e6, mn: 1e6, million: 1e6, bn: 1e9, billion: 1e9 };

type Metric = 'records' | 'bytes';

/** Records and bytes of an export, read from whatever its sender put in `details`; 0 when unknown. */
export function exportMetrics(details: Record<string, unknown> | null | undefined): { records: number; bytes: number } {
	return { records: find(details, RECORD_KEYS, 'records'), bytes: find(details, BYTE_KEYS, 'bytes') };
}

/** Top-level keys first, in the order of `keys`; then the same within each nested object (`details.export.records`). */
function find(details: unknown, keys: string[], metric: Metric): number {
	if (!isObject(details)) return 0;
	const top = valueOf(details, keys, metric);
	if (top !== undefined) return top;
	for (const nested of Object.values(details)) {
		if (!isObject(nested)) continue;
		const value = valueOf(nested, keys, metric);
		if (value !== undefined) return value;
	}
	return 0;
}

function valueOf(obj: Record<string, unknown>, keys: string[], metric: Metric): number | undefined {
	const byKey = new Map<string, unknown>();
	for (const [k, v] of Object.entries(obj)) {
		const norm = k.toLowerCase().replace(/[^\p{L}\p{N}]/gu, '');
		if (!byKey.has(norm)) byKey.set(norm, v);
	}
	for (const key of keys) {
		const n = toNumber(byKey.get(key), metric);
		if (n !== undefined) return clean(n);
	}
	return undefined;
}

/** undefined when the value is not a figure at all (so the next key is tried); a number, however bad, otherwise. */
function toNumber(value: unknown, metric: Metric): number | undefined {
	if (typeof value === 'number') return value;
	if (typeof value === 'bigint') return Number(value);
	// A list of exported rows or ids counts as many records as it holds.
	if (Array.isArray(value)) return metric === 'records' ? value.length : undefined;
	if (typeof value === 'string') return parseFigure(value, metric);
	return undefined;
}

const clean = (n: number) => (Number.isFinite(n) && n >= 0 && n <= ABSURD ? Math.round(n) : 0);

/** "1,500", "1 500", "5,000 contacts", "1.5k", "2.5 MB", "2,5 Mo", "1.2 GiB", "512 bytes", "1e6". */
function parseFigure(text: string, metric: Metric): number | undefined {
	const s = text.trim();
	if (/^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(s) && !(metric === 'records' && isDotGrouped(s))) return Number(s);
	const m = /^([+-]?)(\d[\d.,'\s\u00a0\u202f]*)(.*)$/su.exec(s);
	if (!m) return undefined;
	const digits = parseDigits(m[2].replace(/[.,'\s\u00a0\u202f]+$/u, ''), metric);
	if (digits === undefined) return undefined;
	const sign = m[1] === '-' ? -1 : 1;
	const unit = (/^\p{L}*/u.exec(m[3].trim())?.[0] ?? '').toLowerCase();
	if (metric === 'bytes') {
		const factor = BYTE_UNITS[unit];
		return Object.hasOwn(BYTE_UNITS, unit) ? sign * digits * factor : undefined;
	}
	// Anything else after a count is what was counted ("5,000 contacts").
	return sign * digits * (Object.hasOwn(COUNT_SUFFIXES, unit) ? COUNT_SUFFIXES[unit] : 1);
}

// A record count is whole, so "1.500" can only be Continental grouping for 1500.
const isDotGrouped = (s: string) => /^\d{1,3}(\.\d{3})+$/.test(s);

/** Reads grouping and decimal marks the way both English and Continental writers use them. */
function parseDigits(raw: string, metric: Metric): number | undefined {
	const s = raw.replace(/[\s\u00a0\u202f']/gu, '');
	const lastDot = s.lastIndexOf('.');
	const lastComma = s.lastIndexOf(',');
	let normal: string;
	if (lastDot >= 0 && lastComma >= 0) {
		// Both marks: the last one is the decimal point ("1,234.5" and "1.234,5").
		const [group, decimal] = lastDot > lastComma ? [',', '.'] : ['.', ','];
		normal = s.split(group).join('').replace(decimal, '.');
	} else if (lastComma >= 0) {
		normal = /^\d{1,3}(,\d{3})+$/.test(s) ? s.replaceAll(',', '') : s.replace(',', '.');
	} else if (lastDot >= 0) {
		normal = isDotGrouped(s) && (metric === 'records' || s.split('.').length > 2) ? s.replaceAll('.', '') : s;
	} else {
		normal = s;
	}
	return /^\d+(\.\d+)?$/.test(normal) ? Number(normal) : undefined;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
