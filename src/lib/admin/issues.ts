import type { ZodError } from 'zod';

/** A refusal as one sentence: capitalised, ending with a full stop. */
export const sentence = (s: string) => {
	const t = s.trim();
	return t ? `${t[0].toUpperCase()}${t.slice(1)}${/[.!?]$/.test(t) ? '' : '.'}` : t;
};

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
	let v = input;
	for (const p of path) v = v && typeof v === 'object' ? (v as Record<PropertyKey, unknown>)[p] : undefined;
	return v;
}

/** The first problem of an input: the top-level field it concerns and a message naming the field and, for a list item, its value. */
export function firstIssue(error: ZodError, input: unknown): { field?: string; message: string } {
	const issue = error.issues[0];
	const field = issue.path.length > 0 ? String(issue.path[0]) : undefined;
	const item = issue.path.length > 1 ? valueAt(input, issue.path) : undefined;
	const where = issue.path.map((p, i) => (typeof p === 'number' ? `[${p}]` : `${i ? '.' : ''}${String(p)}`)).join('');
	const shown = typeof item === 'string' ? ` ("${item}")` : '';
	return { field, message: where ? `${where}${shown}: ${issue.message}` : issue.message };
}

/**
 * One message per form field, in words for a person: "Password must be at least 12 characters",
 * `Tenants: "acme corp" must be a tenant name...`. Problems with no field go under `form`.
 */
export function fieldMessages(error: ZodError, input: unknown, labels: Record<string, string>): Record<string, string> {
	const out: Record<string, string> = {};
	for (const issue of error.issues) {
		const field = issue.path.length > 0 ? String(issue.path[0]) : 'form';
		if (out[field]) continue;
		const label = labels[field] ?? field;
		const item = issue.path.length > 1 ? valueAt(input, issue.path) : undefined;
		out[field] = field === 'form' ? sentence(issue.message) : sentence(typeof item === 'string' ? `${label}: "${item}" ${issue.message}` : `${label} ${issue.message}`);
	}
	return out;
}
