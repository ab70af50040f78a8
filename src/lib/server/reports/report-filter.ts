import { SUBJECT_FILTERS, SubjectFilterSchema, type SubjectFilter } from '../../schemas/event-filter';
import { buildSubjectWhere, FilterError } from '../queries/events/event-where';

export interface FilterProblem {
	param: string;
	message: string;
}

/**
 * A report page's ip, actor and source filters from its URL, each checked as the timeline checks
 * it: the ones that can be applied, the values as typed (the form shows them), and the first bad
 * one with its reason, left out so the rest of the page still answers.
 */
export function reportFilterOf(params: URLSearchParams): { filter: SubjectFilter; typed: Record<string, string>; problem: FilterProblem | null } {
	const filter: SubjectFilter = {};
	const typed: Record<string, string> = {};
	let problem: FilterProblem | null = null;
	for (const key of SUBJECT_FILTERS) {
		const value = params.get(key)?.trim();
		if (!value) continue;
		typed[key] = value;
		const parsed = SubjectFilterSchema.shape[key].safeParse(value);
		const reason = parsed.success ? whyNot(key, value) : parsed.error.issues[0].message;
		if (reason === null) filter[key] = value;
		else problem ??= { param: key, message: reason };
	}
	return { filter, typed, problem };
}

function whyNot(key: (typeof SUBJECT_FILTERS)[number], value: string): string | null {
	try {
		buildSubjectWhere({ [key]: value }, 'check');
		return null;
	} catch (e) {
		if (e instanceof FilterError) return e.message.slice(e.param.length + 2);
		throw e;
	}
}
