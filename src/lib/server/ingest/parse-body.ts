import { MAX_JSON_DEPTH, nestsDeeperThan, TOO_DEEP } from '../http/json-depth';

/** A request body that could not be read as events; `line` is 1-based. */
export interface BodyProblem {
	message: string;
	line?: number;
}

export type ParsedBody = { ok: true; items: unknown[]; sizes: number[] } | { ok: false; problem: BodyProblem };

const isNdjsonType = (contentType: string) => /ndjson|jsonl|json-seq|jsonlines/i.test(contentType);

function lineOfPosition(text: string, message: string): number | undefined {
	const m = /position (\d+)/.exec(message);
	if (!m) return undefined;
	return text.slice(0, Number(m[1])).split('\n').length;
}

type NdjsonRead = ParsedBody & { bracketed?: string[] };

/** Whether a line holds more opening brackets than the depth limit, counted without reading it char by char. */
function manyBrackets(line: string): boolean {
	let n = 0;
	for (const c of ['{', '[']) for (let i = line.indexOf(c); i !== -1; i = line.indexOf(c, i + 1)) if (++n > MAX_JSON_DEPTH) return true;
	return false;
}

/** `bracketed`: the lines that could nest past the limit (more brackets than it), to be measured exactly. */
function parseNdjson(text: string): NdjsonRead {
	const items: unknown[] = [];
	const sizes: number[] = [];
	const bracketed: string[] = [];
	const lines = text.split('\n');
	for (let i = 0; i < lines.length; i++) {
		const line = lines[i].trim();
		if (line === '') continue;
		try {
			items.push(JSON.parse(line));
			sizes.push(Buffer.byteLength(line));
		} catch (e) {
			return { ok: false, problem: { line: i + 1, message: `line ${i + 1} is not valid JSON: ${(e as Error).message}` } };
		}
		if (manyBrackets(line)) bracketed.push(line);
	}
	return { ok: true, items, sizes, bracketed };
}

/**
 * NDJSON read first and measured for depth after: a body whose lines all parse is as deep as its
 * deepest line, and only a line with more brackets than the limit can pass it, so the scan of
 * every character (60% of reading a body) is left for those. A body that does not parse is
 * scanned whole, so that a too-deep one gets the same answer as before it was read.
 */
function parseNdjsonBody(text: string): ParsedBody {
	const read = parseNdjson(text);
	if (!read.ok) return nestsDeeperThan(text) ? { ok: false, problem: { message: TOO_DEEP } } : read;
	if (read.bracketed?.some((line) => nestsDeeperThan(line))) return { ok: false, problem: { message: TOO_DEEP } };
	return { ok: true, items: read.items, sizes: read.sizes };
}

/**
 * Reads one event, a JSON array of events, or NDJSON. NDJSON is taken from its content type,
 * or when a body that is not one JSON document has one JSON object per line.
 */
export function parseBody(text: string, contentType: string): ParsedBody {
	if (text.trim() === '') return { ok: false, problem: { message: 'the request body is empty; send an event, an array of events, or NDJSON' } };
	if (isNdjsonType(contentType)) return parseNdjsonBody(text);
	if (nestsDeeperThan(text)) return { ok: false, problem: { message: TOO_DEEP } };
	let doc: unknown;
	try {
		doc = JSON.parse(text);
	} catch (e) {
		const lines = text.trim().split('\n');
		if (lines.length > 1 && lines[0].trim().startsWith('{')) {
			const read = parseNdjson(text);
			return read.ok ? { ok: true, items: read.items, sizes: read.sizes } : read;
		}
		const message = (e as Error).message;
		const line = lineOfPosition(text, message);
		return { ok: false, problem: { line, message: `the body is not valid JSON${line ? ` (line ${line})` : ''}: ${message}` } };
	}
	if (Array.isArray(doc)) return { ok: true, items: doc, sizes: doc.map((d) => Buffer.byteLength(JSON.stringify(d) ?? '')) };
	if (doc !== null && typeof doc === 'object') return { ok: true, items: [doc], sizes: [Buffer.byteLength(text)] };
	return { ok: false, problem: { message: 'the body must be an event object, an array of events, or NDJSON' } };
}
