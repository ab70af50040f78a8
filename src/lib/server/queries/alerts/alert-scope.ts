import type { TenantScope } from '../events/event-where';

export class AlertScopeError extends Error {}

/** Tenant condition of alert reads: one tenant (when allowed), else every tenant of the scope. */
export function alertTenantSql(scope: TenantScope, tenant?: string): { sql: string; params: Record<string, unknown> } {
	if (tenant) {
		if (scope !== '*' && !scope.includes(tenant)) throw new AlertScopeError(`you have no access to tenant "${tenant}"`);
		return { sql: 'tenant = {tenant:String}', params: { tenant } };
	}
	if (scope === '*') return { sql: '1', params: {} };
	return { sql: 'tenant IN {tenants:Array(String)}', params: { tenants: scope } };
}
