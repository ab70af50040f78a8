import { z } from 'zod';
import { TimeParam } from '../../schemas/event-filter';
import { resolveTime } from '../queries/events/time-range';
import { problem } from './problem';

const Params = z.object({ tenant: z.string().trim().min(1).max(128), from: TimeParam.optional(), to: TimeParam.optional() }).strict();
/** A month of 10M events verifies in about a minute here; a year per request is the ceiling. */
const MAX_RANGE_MS = 400 * 86_400_000;

export interface SealRange {
	tenant: string;
	from: Date;
	to: Date;
}

/** `tenant`, `from`, `to` (ISO, epoch ms or now-24h; default the last 24 hours) of a seals request, or its 400. */
export function parseSealRange(url: URL, now: Date): SealRange | Response {
	const parsed = Params.safeParse(Object.fromEntries(url.searchParams));
	if (!parsed.success) {
		const issue = parsed.error.issues[0];
		const param = String(issue.path[0] ?? (issue.code === 'unrecognized_keys' ? issue.keys[0] : 'query'));
		return problem(400, `${param}: ${issue.message}`, { parameter: param });
	}
	const from = resolveTime(parsed.data.from ?? 'now-24h', now);
	const to = resolveTime(parsed.data.to ?? 'now', now);
	if (Number.isNaN(from.getTime()) || Number.isNaN(to.getTime()) || !(from < to)) return problem(400, 'from and to: give two times, from before to', { parameter: 'from' });
	if (to.getTime() - from.getTime() > MAX_RANGE_MS) return problem(400, 'from and to: at most 400 days per request', { parameter: 'from' });
	return { tenant: parsed.data.tenant, from, to };
}
