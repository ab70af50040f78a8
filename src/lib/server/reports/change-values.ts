/** Fields that carry rights; a privilege change shows these when it changed any. */
const PRIVILEGE_FIELDS = new Set(['role', 'roles', 'permission', 'permissions', 'privilege', 'privileges', 'scopes', 'groups', 'group', 'is_admin', 'admin', 'access_level', 'policy', 'policies']);

type Values = Record<string, unknown> | null;

function side(changes: Record<string, unknown>, key: 'before' | 'after'): Values {
	const v = changes[key];
	return v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : null;
}

const pick = (v: Values, keys: string[]): Values => (v ? Object.fromEntries(keys.filter((k) => k in v).map((k) => [k, v[k]])) : null);

/**
 * The before and after values a report row shows from an event's `changes`: for privilege changes
 * the rights fields when any changed, else the changed fields, else everything sent.
 */
export function changeValues(changesJson: string, changedFields: string[], privilege: boolean): { before: Values; after: Values } {
	let changes: Record<string, unknown> = {};
	try {
		const parsed: unknown = JSON.parse(changesJson || '{}');
		if (parsed && typeof parsed === 'object') changes = parsed as Record<string, unknown>;
	} catch {
		return { before: null, after: null };
	}
	const before = side(changes, 'before');
	const after = side(changes, 'after');
	const rights = changedFields.filter((f) => PRIVILEGE_FIELDS.has(f));
	const keys = privilege && rights.length ? rights : changedFields;
	if (keys.length === 0) return { before, after };
	return { before: pick(before, keys), after: pick(after, keys) };
}

/** What setting a configuration change touched: its changed fields, else the target it names, else the action. */
export function settingName(r: { changed_fields: string[]; target_name: string; target_id: string; action: string }): string {
	return r.changed_fields.length ? r.changed_fields.join(', ') : r.target_name || r.target_id || r.action;
}
