import { nestsDeeperThan, TOO_DEEP } from '../http/json-depth';

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

function parseNdjson(text: string): ParsedBody {
	const items: unknown[] = [];
	const sizes: number[] = [];
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
	}
	return { ok: true, items, sizes };
}

/**
 * Reads one event, a JSON array of events, or NDJSON. NDJSON is taken from its content type,
 * or when a body that is not one JSON document has one JSON object per line.
 */
export function parseBody(text: string, contentType: string): ParsedBody {
	if (text.trim() === '') return { ok: false, problem: { message: 'the request body is empty; send an event, an array of events, or NDJSON' } };
	if (nestsDeeperThan(text)) return { ok: false, problem: { message: TOO_DEEP } };
	if (isNdjsonType(contentType)) return parseNdjson(text);
	let doc: unknown;
	try {
		doc = JSON.parse(text);
	} catch (e) {
		const lines = text.trim().split('\n');
		if (lines.length > 1 && lines[0].trim().startsWith('{')) return parseNdjson(text);
		const message = (e as Error).message;
		const line = lineOfPosition(text, message);
		return { ok: false, problem: { line, message: `the body is not valid JSON${line ? ` (line ${line})` : ''}: ${message}` } };
	}
	if (Array.isArray(doc)) return { ok: true, items: doc, sizes: doc.map((d) => Buffer.byteLength(JSON.stringify(d) ?? '')) };
	if (doc !== null && typeof doc === 'object') return { ok: true, items: [doc], sizes: [Buffer.byteLength(text)] };
	return { ok: false, problem: { message: 'the body must be an event object, an array of events, or NDJSON' } };
}
