import { AUDIT_SOURCE } from '../audit/audit-source';
import type { EventProblem } from './prepare';

const field = (item: unknown, name: string): unknown => (item && typeof item === 'object' ? (item as Record<string, unknown>)[name] : undefined);

/**
 * Events an API key may not send: into the audit tenant, or as Trailscope itself. That trail is
 * Trailscope's alone (sign-in lockout and the compliance report read it), so a forged failed
 * sign-in or deactivation there must never be stored. The key's bound tenant counts where an
 * event names none, as it would be stored.
 */
export function reservedProblems(items: unknown[], auditTenant: string, boundTenant: string | null): EventProblem[] {
	const problems: EventProblem[] = [];
	items.forEach((item, index) => {
		const tenant = field(item, 'tenant') ?? boundTenant;
		if (tenant === auditTenant) problems.push({ index, field: 'tenant', message: `"${auditTenant}" is Trailscope's own audit tenant; API keys may not write to it` });
		const source = field(item, 'source');
		if (typeof source === 'string' && source.trim().toLowerCase() === AUDIT_SOURCE)
			problems.push({ index, field: 'source', message: `"${AUDIT_SOURCE}" is the source of Trailscope's own audit events; API keys may not send it` });
	});
	return problems;
}
