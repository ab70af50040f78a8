import type { RequestHandler } from './$types';
import { MAX_EVENTS_PER_REQUEST } from '$lib/server/ingest/ingest';
import { ingestResponse } from '$lib/server/http/ingest-response';
import { parseBody } from '$lib/server/ingest/parse-body';
import { IMPORT_FORMATS, isImportFormat, mapRecords, unwrapRecords } from '$lib/server/importers/import-records';
import { problem } from '$lib/server/http/problem';
import { MAX_BODY_BYTES, readBodyLimited } from '$lib/server/http/read-body';
import { requireKey } from '$lib/server/http/require-key';

const TOO_LARGE = `the body is over ${MAX_BODY_BYTES / 1024 / 1024} MB; send at most ${MAX_EVENTS_PER_REQUEST} records and 10 MB per request`;

/** Vendor audit logs (Okta System Log, AWS CloudTrail, GitHub audit log) mapped to events, then ingested as any. */
export const POST: RequestHandler = async ({ request, params }) => {
	const key = await requireKey(request.headers.get('authorization'), 'ingest');
	if (key instanceof Response) return key;
	if (!isImportFormat(params.format)) return problem(404, `unknown import format "${params.format}"; use one of ${Object.keys(IMPORT_FORMATS).join(', ')}`);
	if (Number(request.headers.get('content-length') ?? 0) > MAX_BODY_BYTES) return problem(413, TOO_LARGE);
	const body = await readBodyLimited(request.body);
	if (!body.ok) return problem(413, TOO_LARGE);
	const parsed = parseBody(body.text, request.headers.get('content-type') ?? '');
	if (!parsed.ok) return problem(400, parsed.problem.message, parsed.problem.line ? { line: parsed.problem.line } : {});
	const records = unwrapRecords(parsed.items);
	if (records.length > MAX_EVENTS_PER_REQUEST) return problem(413, `the request holds ${records.length} records; send at most ${MAX_EVENTS_PER_REQUEST} per request`);
	const mapped = mapRecords(params.format, records);
	if (!mapped.ok) {
		const f = mapped.problems[0];
		return problem(400, `${mapped.problems.length} of ${records.length} records cannot be read as ${params.format} events; nothing was stored. First: record ${f.index}, ${f.field}: ${f.message}`, { problems: mapped.problems });
	}
	return ingestResponse(JSON.stringify(mapped.events), 'application/json', key, request.headers);
};
