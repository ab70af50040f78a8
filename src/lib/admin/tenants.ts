/** Tenants as typed into a form: comma-separated names, or `*` for every tenant. */
export function parseTenants(text: string): string[] {
	const names = [...new Set(text.split(',').map((s) => s.trim()).filter(Boolean))];
	// `*` already covers every tenant; keeping names beside it would only mislead the reader.
	return names.includes('*') ? ['*'] : names;
}

/** How a list of tenants reads in a table. */
export const describeTenants = (tenants: readonly string[]) => (tenants.includes('*') ? 'all tenants' : tenants.join(', '));

/** How a list of tenants is typed back into a form field. */
export const tenantsText = (tenants: readonly string[]) => (tenants.includes('*') ? '*' : tenants.join(', '));
