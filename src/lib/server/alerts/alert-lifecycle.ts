import type { AlertStatus } from '../../schemas/rule';
import { recordAudit, type AuditActor, type AuditEntry } from '../audit/record-audit';
import { DomainError } from '../auth/domain-error';
import type { RequestMeta } from '../auth/manage-users';
import type { TenantScope } from '../queries/events/event-where';
import { getAlert } from '../queries/alerts/get-alert';
import { insertAlertHistory } from '../queries/alerts/insert-alert-history';
import { insertAlerts } from '../queries/alerts/insert-alerts';
import type { Alert } from '../rules/decide';
import { alertWrites } from './serial';

const ALLOWED: Record<AlertStatus, AlertStatus[]> = { acknowledged: ['open'], resolved: ['open', 'acknowledged'], open: ['acknowledged', 'resolved'] };
const HISTORY_ACTION = { acknowledged: 'acknowledged', resolved: 'resolved', open: 'reopened' } as const;
const AUDIT_ACTION = { acknowledged: 'alert_acknowledged', resolved: 'alert_resolved', open: 'alert_reopened' } as const;

const whoOf = (by: AuditActor) => by.email ?? by.name ?? by.id;

async function findAlert(scope: TenantScope, id: string): Promise<Alert> {
	const a = await getAlert(scope, id);
	if (!a) throw new DomainError(404, `no alert with the id "${id}"`);
	return a;
}

/** The audit event of a handling of an alert. Not 'configuration': handling alerts at night must not itself look like off-hours configuration. */
function auditAlert(a: Alert, action: string, by: AuditActor, changes: AuditEntry['changes'], meta: RequestMeta, now: Date) {
	return recordAudit({ actor: by, action, category: 'system', target: { type: 'alert', id: a.id, name: `${a.ruleName} (${a.tenant})` }, changes, details: { tenant: a.tenant, rule_id: a.ruleId }, ...meta }, now);
}

/**
 * Acknowledges, resolves or reopens an alert in the caller's tenants, by a named person with an
 * optional comment; appends the change to the alert's history and writes it to the audit trail.
 * Runs in turn with evaluations, so a hit extending the alert at the same moment cannot undo it.
 */
export function changeAlertStatus(scope: TenantScope, id: string, status: AlertStatus, by: AuditActor, comment: string, meta: RequestMeta = {}, now = new Date()): Promise<Alert> {
	return alertWrites(async () => {
		const a = await findAlert(scope, id);
		if (!ALLOWED[status].includes(a.status)) throw new DomainError(409, `the alert is ${a.status}; it cannot be ${status === 'open' ? 'reopened' : status}`);
		const who = whoOf(by);
		const next: Alert = { ...a, status, statusBy: who, statusComment: comment, statusAt: now, updatedAt: now, version: a.version + 1 };
		await insertAlerts([next]);
		await insertAlertHistory([{ tenant: a.tenant, alertId: id, at: now, action: HISTORY_ACTION[status], byId: by.id, by: who, comment }]);
		await auditAlert(a, AUDIT_ACTION[status], by, { before: { status: a.status }, after: { status, comment: comment || null } }, meta, now);
		return next;
	});
}

/** Adds a comment to an alert's history without changing its status, and writes it to the audit trail. */
export function commentOnAlert(scope: TenantScope, id: string, by: AuditActor, comment: string, meta: RequestMeta = {}, now = new Date()): Promise<Alert> {
	return alertWrites(async () => {
		if (!comment.trim()) throw new DomainError(400, 'write a comment', 'comment');
		const a = await findAlert(scope, id);
		await insertAlertHistory([{ tenant: a.tenant, alertId: id, at: now, action: 'commented', byId: by.id, by: whoOf(by), comment }]);
		await auditAlert(a, 'alert_commented', by, { after: { comment } }, meta, now);
		return a;
	});
}
