/** A value as one short line of text: strings plain, everything else as compact JSON. */
const show = (v: unknown) => (v === undefined ? '' : typeof v === 'string' ? v : JSON.stringify(v));

/**
 * Before and after of the fields a change touched, "role: agent" → "role: admin". Only the changed
 * fields are written (a user record's unchanged name is noise); all of them when none are known.
 */
export function beforeAfter(changesJson: string, changedFields: string[]): { before: string; after: string } {
	let parsed: unknown;
	try {
		parsed = JSON.parse(changesJson || '{}');
	} catch {
		return { before: '', after: '' };
	}
	const obj = (x: unknown): Record<string, unknown> => (x && typeof x === 'object' && !Array.isArray(x) ? (x as Record<string, unknown>) : {});
	const before = obj(obj(parsed).before);
	const after = obj(obj(parsed).after);
	const fields = changedFields.length ? changedFields : [...new Set([...Object.keys(before), ...Object.keys(after)])];
	const side = (o: Record<string, unknown>) => fields.filter((f) => f in o).map((f) => `${f}: ${show(o[f])}`).join('; ');
	return { before: side(before), after: side(after) };
}
