/** Numbers and sizes as a report reads them. */
export const num = (n: number) => n.toLocaleString('en-US');

/**
 * A size in bytes. Senders rarely give a size; the rollups sum a missing one as 0, and no export
 * weighs nothing, so 0 means "unknown" and reads "—", as does null.
 */
export function bytes(n: number | null | undefined): string {
	if (!n || !Number.isFinite(n)) return '—';
	if (n < 1024) return `${n} B`;
	const units = ['KB', 'MB', 'GB', 'TB'];
	let v = n / 1024;
	let i = 0;
	while (v >= 1024 && i < units.length - 1) {
		v /= 1024;
		i++;
	}
	return `${v.toFixed(v < 10 ? 1 : 0)} ${units[i]}`;
}

/**
 * The change against the previous period, as people say it: "+12%", "−5%", "no change", "new".
 * Beyond ±1000% a percentage stops meaning anything to a reader ("+4851800%"): a rise reads as
 * a multiple ("×48"), a fall to almost nothing as a fraction ("÷48").
 */
export function change(now: number, before: number): { text: string; direction: 'up' | 'down' | 'same' } {
	if (now === before) return { text: 'no change', direction: 'same' };
	if (before === 0) return { text: 'new', direction: 'up' };
	const pct = Math.round(((now - before) / before) * 100);
	if (pct > 1000) return { text: `×${num(Math.round(now / before))}`, direction: 'up' };
	if (now > 0 && before / now > 11) return { text: `÷${num(Math.round(before / now))}`, direction: 'down' };
	if (pct === 0) return { text: now > before ? '+<1%' : '−<1%', direction: now > before ? 'up' : 'down' };
	return { text: `${pct > 0 ? '+' : '−'}${Math.abs(pct)}%`, direction: pct > 0 ? 'up' : 'down' };
}

/** Labels of the event kinds a report names. */
export const KIND_LABELS: Record<string, string> = {
	sign_in: 'Sign-in',
	export: 'Export',
	privilege_change: 'Privilege change',
	config_change: 'Configuration change',
	deletion: 'Deletion'
};

export const CATEGORY_LABELS: Record<string, string> = {
	authentication: 'Authentication',
	authorization: 'Authorization',
	user_management: 'User management',
	configuration: 'Configuration',
	data_access: 'Data access',
	data_export: 'Data export',
	data_change: 'Data change',
	integration: 'Integration',
	system: 'System',
	other: 'Other'
};

/** Before/after values in one line: `role: agent`. */
export const values = (v: Record<string, unknown> | null) =>
	v && Object.keys(v).length ? Object.entries(v).map(([k, x]) => `${k}: ${typeof x === 'string' ? x : JSON.stringify(x)}`).join(', ') : '—';
