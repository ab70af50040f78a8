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
