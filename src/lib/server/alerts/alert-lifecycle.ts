import type { AlertStatus } from '../../schemas/rule';
import { recordAudit, type AuditActor } from '../audit/record-audit';
import { DomainError } from '../auth/domain-error';
import type { RequestMeta } from '../auth/manage-users';
import type { TenantScope } from '../queries/events/event-where';
import { getAlert } from '../queries/alerts/get-alert';
import { insertAlerts } from '../queries/alerts/insert-alerts';
import type { Alert } from '../rules/decide';
import { alertWrites } from './serial';

const ALLOWED: Record<'acknowledged' | 'resolved', AlertStatus[]> = { acknowledged: ['open'], resolved: ['open', 'acknowledged'] };

/**
 * Acknowledges or resolves an alert in the caller's tenants, by a named person with an optional
 * comment, and writes the change to the audit trail. Runs in turn with evaluations, so a hit
 * extending the alert at the same moment cannot undo the change.
 */
export function changeAlertStatus(scope: TenantScope, id: string, status: 'acknowledged' | 'resolved', by: AuditActor, comment: string, meta: RequestMeta = {}, now = new Date()): Promise<Alert> {
	return alertWrites(async () => {
		const a = await getAlert(scope, id);
		if (!a) throw new DomainError(404, `no alert with the id "${id}"`);
		if (!ALLOWED[status].includes(a.status)) throw new DomainError(409, `the alert is ${a.status}; it cannot be ${status}`);
		const who = by.email ?? by.name ?? by.id;
		const next: Alert = { ...a, status, statusBy: who, statusComment: comment, statusAt: now, updatedAt: now, version: a.version + 1 };
		await insertAlerts([next]);
		await recordAudit(
			{
				actor: by,
				action: status === 'acknowledged' ? 'alert_acknowledged' : 'alert_resolved',
				// Not 'configuration': handling alerts at night must not itself look like off-hours configuration.
				category: 'system',
				target: { type: 'alert', id, name: `${a.ruleName} (${a.tenant})` },
				changes: { before: { status: a.status }, after: { status, comment: comment || null } },
				details: { tenant: a.tenant, rule_id: a.ruleId },
				...meta
			},
			now
		);
		return next;
	});
}
