import type { ApiKey } from '../auth/api-keys';
import { ingest } from '../ingest/ingest';
import { jsonResponse, problem } from './problem';

/** Ingests a body for a key and answers as the API does: 202 with the counts, or the problem. */
export async function ingestResponse(text: string, contentType: string, key: ApiKey, headers: Headers): Promise<Response> {
	const outcome = await ingest({ text, contentType, key, idempotencyKey: headers.get('idempotency-key') ?? undefined, now: new Date() });
	if (outcome.status === 202) return jsonResponse(202, outcome.body);
	const { message, ...rest } = outcome.body;
	return problem(outcome.status, message, rest);
}
