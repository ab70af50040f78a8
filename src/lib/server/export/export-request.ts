import { EventFilterSchema, filterParams, type EventFilter } from '../../schemas/event-filter';
import { recordAudit, type AuditActor } from '../audit/record-audit';
import { jsonResponse, parameterProblem, problem } from '../http/problem';
import { countEvents } from '../queries/events/count-events';
import { FilterError, type TenantScope } from '../queries/events/event-where';
import type { EventDbRow } from '../queries/events/event-columns';
import { listExportCsvPage } from '../queries/events/list-export-csv-page';
import { listExportPage } from '../queries/events/list-export-page';
import { exportStream, type PageSource } from './export-stream';
import { CONTENT_TYPES, csvFormatter, EXPORT_FORMATS, isExportFormat, jsonFormatter, ndjsonFormatter, type ExportFormat } from './formats';

/** Who asks for an export and what they may read; the route fills it from a key or a session. */
export interface ExportRequest {
	params: URLSearchParams;
	scope: TenantScope;
	actorOnly?: string;
	/** Filter values used where the URL has none (the timeline's default period, the chosen tenant). */
	defaults?: Record<string, string>;
	actor: AuditActor;
	ip?: string;
	userAgent?: string;
	/** The request's signal: aborted when the client goes away. */
	signal?: AbortSignal;
	now?: Date;
}

// An export is the whole filtered set: the timeline's page size and position do not apply.
const NOT_FILTERS = ['format', 'limit', 'cursor'];

/** The filter an export reads (as given, for the audit trail, and parsed), or a 400 naming the parameter. */
function parseExportFilter(url: URLSearchParams, defaults: Record<string, string> = {}): { given: Record<string, unknown>; filter: EventFilter } | Response {
	const params = new URLSearchParams(url);
	for (const name of NOT_FILTERS) params.delete(name);
	const given = { ...defaults, ...filterParams(params) };
	const parsed = EventFilterSchema.safeParse(given);
	if (parsed.success) return { given, filter: parsed.data };
	return parameterProblem(parsed.error);
}

function filterProblem(e: unknown): Response {
	if (e instanceof FilterError) return problem(e.param === 'tenant' ? 403 : 400, e.message, { parameter: e.param });
	throw e;
}

/** `trailscope-events-20261120T143025Z.csv`: sorts by time and names no filter value. */
const fileName = (now: Date, ext: string) => `trailscope-events-${now.toISOString().replace(/\.\d{3}/, '').replace(/[-:]/g, '')}.${ext}`;

/** The file's bytes: CSV from rows of cells, NDJSON and JSON from stored rows in the API's shape. */
function exportBody(format: ExportFormat, x: ExportRequest & { filter: EventFilter; now: Date; count: number }): ReadableStream<Uint8Array> {
	const o = { actorOnly: x.actorOnly, receivedBefore: x.now };
	const opts = { signal: x.signal, onError: (e: unknown) => console.error(`export of ${x.count} events (${format}) failed midway:`, e) };
	if (format === 'csv') {
		const source: PageSource<string> = (after, limit, signal) => listExportCsvPage(x.scope, x.filter, x.now, { ...o, after, limit, signal });
		return exportStream(source, csvFormatter(), opts);
	}
	const source: PageSource<EventDbRow> = async (after, limit, signal) => {
		const rows = await listExportPage(x.scope, x.filter, x.now, { ...o, after, limit, signal });
		const tail = rows[rows.length - 1];
		return { rows, last: tail ? { at: tail.occurred_at, id: tail.id } : null };
	};
	return exportStream(source, format === 'ndjson' ? ndjsonFormatter() : jsonFormatter(), opts);
}

/** GET .../events/export: the whole filtered set, streamed in the format asked for. */
export async function exportEvents(req: ExportRequest): Promise<Response> {
	const format = (req.params.get('format') ?? 'csv').toLowerCase();
	if (!isExportFormat(format)) return problem(400, `format: must be one of ${EXPORT_FORMATS.join(', ')}`, { parameter: 'format' });
	const parsed = parseExportFilter(req.params, req.defaults);
	if (parsed instanceof Response) return parsed;
	const { filter, given } = parsed;
	// One instant for the whole export: relative times resolve once, and every page reads the
	// events received before it, so the count, the file and the audit record agree.
	const now = req.now ?? new Date();
	let count: number;
	try {
		count = await countEvents(req.scope, filter, now, { actorOnly: req.actorOnly, receivedBefore: now, signal: req.signal });
	} catch (e) {
		return filterProblem(e);
	}
	// Recorded as the export starts, before its first byte leaves: a client that disconnects
	// midway, or a process that dies, must not make an export unaudited, and if the record cannot
	// be written nothing is sent. The count is the size of the set asked for, known up front; the
	// record is received at `now`, so the snapshot leaves it out of the very export it describes.
	await recordAudit(
		{
			actor: req.actor,
			action: 'events_exported',
			category: 'data_export',
			ip: req.ip,
			userAgent: req.userAgent,
			details: { format, filter: given, records: count }
		},
		now
	);
	const body = exportBody(format, { ...req, filter, now, count });
	return new Response(body, {
		status: 200,
		headers: {
			'content-type': CONTENT_TYPES[format],
			'content-disposition': `attachment; filename="${fileName(now, format)}"`,
			'x-total-count': String(count),
			'cache-control': 'no-store',
			'x-content-type-options': 'nosniff'
		}
	});
}

/** GET .../export/count: how many events an export with this filter would hold, `{count}`. */
export async function countExport(req: Omit<ExportRequest, 'actor'>): Promise<Response> {
	const parsed = parseExportFilter(req.params, req.defaults);
	if (parsed instanceof Response) return parsed;
	try {
		const count = await countEvents(req.scope, parsed.filter, req.now ?? new Date(), { actorOnly: req.actorOnly, signal: req.signal });
		return jsonResponse(200, { count }, { 'cache-control': 'no-store' });
	} catch (e) {
		return filterProblem(e);
	}
}
